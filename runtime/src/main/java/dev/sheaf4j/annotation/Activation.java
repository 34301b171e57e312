package dev.sheaf4j.annotation;

/** The activation of a hidden layer. */
public enum Activation {
    /** {@code relu(z) = m z} with the mask {@code m = [z >= 0]}. */
    RELU,
    /** Leaky ReLU with a slope {@code s} in (0,1): mask values {@code {s, 1}}. */
    LEAKY_RELU
}
