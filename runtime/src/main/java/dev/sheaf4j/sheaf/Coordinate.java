package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;
import java.util.Objects;

/**
 * One scalar of the sheaf's state: a neuron of a stalk of a layer. Layer 0 is the input (stalk
 * {@link Stalk#PRE}); layers {@code 1..k+1} have {@code z_l} ({@code PRE}) and, where it exists,
 * {@code a_l} or {@code a_out} ({@code POST}).
 */
public record Coordinate(int layer, Stalk stalk, int neuron) {
    public Coordinate {
        Objects.requireNonNull(stalk, "stalk");
    }

    /** {@code z_l[neuron]} (or {@code x[neuron]} for layer 0). */
    public static Coordinate pre(int layer, int neuron) {
        return new Coordinate(layer, Stalk.PRE, neuron);
    }

    /** {@code a_l[neuron]} (or {@code a_out[neuron]} for the last layer). */
    public static Coordinate post(int layer, int neuron) {
        return new Coordinate(layer, Stalk.POST, neuron);
    }

    @Override
    public String toString() {
        return (layer == 0 ? "x" : (stalk == Stalk.PRE ? "z_" : "a_") + layer) + "[" + neuron + "]";
    }
}
