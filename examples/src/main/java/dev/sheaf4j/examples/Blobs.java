package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;

/** The paper's four-blob classifier, [2, 25, 4] with a softmax head. */
@SheafNetwork
public interface Blobs extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Twenty-five ReLU neurons. */
    @Dense(25)
    Layer hidden();

    /** The probabilities of the four blobs. */
    @Output(value = 4, activation = OutputActivation.SOFTMAX)
    Layer y();
}
