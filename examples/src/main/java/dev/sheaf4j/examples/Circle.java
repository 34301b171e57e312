package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;

/** The paper's circle classifier, [2, 25, 1] with a sigmoid head. */
@SheafNetwork
public interface Circle extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Twenty-five ReLU neurons. */
    @Dense(25)
    Layer hidden();

    /** The probability of the outer ring. */
    @Output(value = 1, activation = OutputActivation.SIGMOID)
    Layer y();
}
