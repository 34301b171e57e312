package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Pin;
import dev.sheaf4j.annotation.SheafNetwork;
import dev.sheaf4j.annotation.SoftPin;
import dev.sheaf4j.annotation.Stalk;

/**
 * A two-hidden-layer classifier with declared pins: neuron 0 of the first layer is held at 0.5, the
 * second (leaky) layer's activations are pulled towards 0, and the first class is pinned to 0.9.
 */
@SheafNetwork
public interface PinnedClassifier extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Eight ReLU neurons, the first held at 0.5. */
    @Dense(8)
    @Pin(neuron = 0, value = 0.5)
    Layer first();

    /** Six leaky ReLU neurons whose activations are pulled towards 0. */
    @Dense(value = 6, activation = Activation.LEAKY_RELU, slope = 0.1)
    @SoftPin(stalk = Stalk.POST, value = 0.0, strength = 2.0)
    Layer second();

    /** Three class probabilities, the first pinned to 0.9. */
    @Output(value = 3, activation = OutputActivation.SOFTMAX)
    @Pin(stalk = Stalk.POST, neuron = 0, value = 0.9)
    Layer y();
}
