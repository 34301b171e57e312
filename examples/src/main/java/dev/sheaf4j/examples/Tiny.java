package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.SheafNetwork;

/** The paper's smallest network, [2, 4, 1] with a ReLU hidden layer and an identity head. */
@SheafNetwork
public interface Tiny extends SheafModel {
    /** The two inputs. */
    @Input(2)
    Layer x();

    /** Four ReLU neurons. */
    @Dense(4)
    Layer hidden();

    /** One regression output. */
    @Output(1)
    Layer y();
}
