package dev.sheaf4j.solve;

/**
 * Thrown by the exact solver when the restricted Hessian is singular: the pins leave a direction
 * free of energy, or the weights are so large that rounding erases the curvature.
 */
public final class SingularSystemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String block;

    SingularSystemException(String block) {
        super("the pinned energy is flat in some direction (the Hessian is singular at block " + block
                + "): leave fewer coordinates free, or add a soft pin (for example on the input when it is free)");
        this.block = block;
    }

    /** The vertex block ({@code x}, {@code z_1}, {@code a_1}, ...) where the factorisation failed. */
    public String block() {
        return block;
    }
}
