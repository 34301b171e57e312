package dev.sheaf4j.annotation;

/** Which stalk of a layer a coordinate lives in. */
public enum Stalk {
    /** The pre-activation {@code z_l}; on the input layer, the input {@code x} itself. */
    PRE,
    /** The activation {@code a_l} of a hidden layer, or {@code a_out} of a non-identity output. */
    POST
}
