package dev.sheaf4j.sheaf;

/**
 * A computation whose result would not be finite: a value overflowed to infinity or became NaN. The
 * one-line message names the computation and where it happened (the vertex or edge, the sample, or
 * the layer of weights); no such result is ever returned or certified. Inputs that are not finite
 * are refused up front with an {@link IllegalArgumentException} instead.
 */
public final class NonFiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given one-line message. */
    public NonFiniteException(String message) {
        super(message);
    }
}
