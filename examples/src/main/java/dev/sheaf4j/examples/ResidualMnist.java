package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;
import dev.sheaf4j.annotation.Skip;

/**
 * A digit classifier for MNIST with one residual block, [784, 64, 64, 10]: the second hidden layer
 * adds the first's activation, {@code a_2 = relu(W_2 a_1 + b_2 + a_1)}. One identity skip between two
 * layers of equal width is the classic residual block, and the skip itself adds no parameters; a
 * deeper stack would only repeat the block, at more cost per step.
 */
@SheafNetwork
public interface ResidualMnist extends SheafModel {
    /** The 28 x 28 grey levels, scaled to [0, 1]. */
    @Input(784)
    Layer pixels();

    /** Sixty-four ReLU neurons. */
    @Dense(64)
    Layer first();

    /** Sixty-four ReLU neurons whose pre-activation adds {@code a_1}. */
    @Dense(64)
    @Skip(from = "first")
    Layer second();

    /** The probabilities of the ten digits. */
    @Output(value = 10, activation = OutputActivation.SOFTMAX)
    Layer digit();
}
