package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.SheafNetwork;

/** The paper's deeper inference network, [2, 6, 4, 4, 1], whose pinned diffusion is slow to settle. */
@SheafNetwork
public interface FiveLayer extends SheafModel {
    /** The two inputs. */
    @Input(2)
    Layer x();

    /** Six ReLU neurons. */
    @Dense(6)
    Layer first();

    /** Four ReLU neurons. */
    @Dense(4)
    Layer second();

    /** Four ReLU neurons. */
    @Dense(4)
    Layer third();

    /** One regression output. */
    @Output(1)
    Layer y();
}
