package dev.sheaf4j.network;

/**
 * A skip connection: layer {@code to}'s pre-activation adds the activation of the earlier layer
 * {@code from}, {@code z_to = W_to a_(to-1) + b_to + P a_from}, where {@code P} is the identity
 * (the widths must agree) or, when {@code projected}, a learned {@code n_to x n_from} matrix.
 *
 * @param from the layer whose activation is added: 0 for the input {@code x}, {@code 1..k} for a
 *     hidden layer {@code a_from}
 * @param to the layer {@code 1..k+1} whose pre-activation {@code z_to} receives it, after {@code from}
 * @param projected whether the skip goes through a learned projection
 */
public record Skip(int from, int to, boolean projected) {
    /** An identity skip from {@code a_from} into {@code z_to}. */
    public static Skip identity(int from, int to) {
        return new Skip(from, to, false);
    }

    /** A skip from {@code a_from} into {@code z_to} through a learned projection. */
    public static Skip projection(int from, int to) {
        return new Skip(from, to, true);
    }

    /** {@code a_1 -> z_3} for an identity skip, {@code x -P-> z_2} for a projection from the input. */
    @Override
    public String toString() {
        return (from == 0 ? "x" : "a_" + from) + (projected ? " -P-> " : " -> ") + "z_" + to;
    }
}
