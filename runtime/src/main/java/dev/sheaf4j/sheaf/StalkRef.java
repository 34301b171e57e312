package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;
import java.util.Objects;

/** A whole stalk of one layer: {@code x}, {@code z_l}, {@code a_l} or {@code a_out}, with its width. */
public record StalkRef(int layer, Stalk stalk, int width) {
    public StalkRef {
        Objects.requireNonNull(stalk, "stalk");
    }

    /** Neuron {@code neuron} of this stalk. */
    public Coordinate coordinate(int neuron) {
        if (neuron < 0 || neuron >= width) {
            throw new IllegalArgumentException("neuron " + neuron + " does not exist in " + this + " of width " + width);
        }
        return new Coordinate(layer, stalk, neuron);
    }

    @Override
    public String toString() {
        String name = new Coordinate(layer, stalk, 0).toString();
        return name.substring(0, name.indexOf('['));
    }
}
