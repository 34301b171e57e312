package dev.sheaf4j.annotation;

/** The output map {@code phi} applied to the last pre-activation {@code z_(k+1)}. */
public enum OutputActivation {
    /** {@code y = z}: regression; no {@code a_out} vertex. */
    IDENTITY,
    /** Element-wise logistic function: binary classification. */
    SIGMOID,
    /** Softmax over the output layer: multiclass classification (needs at least two outputs). */
    SOFTMAX
}
