package dev.sheaf4j.solve;

/**
 * Thrown when the exact solver is asked for pins it does not solve exactly (a classifier output
 * partly pinned, or pulled, in identity mode); the message says what would work instead.
 */
public final class UnsupportedPinsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedPinsException(String message) {
        super(message);
    }
}
