package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;

/**
 * One vertex of the sheaf: layer {@code l} and stalk ({@code x} is layer 0 {@link Stalk#PRE};
 * {@code z_l} is {@code PRE}; {@code a_l} and {@code a_out} are {@code POST}), where its values start
 * in the state vector, and its width.
 */
public record Vertex(int layer, Stalk stalk, int offset, int width) {
    /** A readable name: {@code x}, {@code z_2}, {@code a_1} or {@code a_out}. */
    public String name(int layers) {
        if (layer == 0) {
            return "x";
        }
        if (stalk == Stalk.PRE) {
            return "z_" + layer;
        }
        return layer == layers ? "a_out" : "a_" + layer;
    }
}
