package org.example.consumer;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Pin;
import dev.sheaf4j.annotation.SheafNetwork;

/** A classifier [2, 8, 1] with a sigmoid head whose first hidden neuron is held at 0.5: {@code GateSheaf}. */
@SheafNetwork
public interface Gate extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Eight ReLU neurons, the pre-activation of the first pinned to 0.5 in every diffusion. */
    @Dense(8)
    @Pin(neuron = 0, value = 0.5)
    Layer hidden();

    /** The probability of the positive class. */
    @Output(value = 1, activation = OutputActivation.SIGMOID)
    Layer y();
}
