package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;

/** The paper's two-hidden-layer circle classifier, [2, 10, 8, 1]. */
@SheafNetwork
public interface DeepCircle extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Ten ReLU neurons. */
    @Dense(10)
    Layer first();

    /** Eight ReLU neurons. */
    @Dense(8)
    Layer second();

    /** The class probabilities. */
    @Output(value = 1, activation = OutputActivation.SIGMOID)
    Layer y();
}
