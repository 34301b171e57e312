package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.SheafNetwork;

/** The saddle regression network of the paper, [2, 30, 1]. */
@SheafNetwork
public interface Saddle extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Thirty ReLU neurons. */
    @Dense(30)
    Layer hidden();

    /** The predicted height. */
    @Output(1)
    Layer y();
}
