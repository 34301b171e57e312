package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;

/** A digit classifier for MNIST, [784, 64, 10]. */
@SheafNetwork
public interface Mnist extends SheafModel {
    /** The 28 x 28 grey levels, scaled to [0, 1]. */
    @Input(784)
    Layer pixels();

    /** Sixty-four ReLU neurons. */
    @Dense(64)
    Layer hidden();

    /** The probabilities of the ten digits. */
    @Output(value = 10, activation = OutputActivation.SOFTMAX)
    Layer digit();
}
