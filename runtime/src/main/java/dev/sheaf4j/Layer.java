package dev.sheaf4j;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.StalkRef;

/**
 * A handle on one declared layer of a {@link SheafModel}, for addressing its coordinates:
 * {@code net.hidden().pre(3)} is {@code z_l[3]}, {@code net.y().post()} the whole {@code a_out}.
 * Immutable.
 *
 * @param index the layer's position {@code l} (0 for the input)
 * @param name the declaring method's name
 * @param width the number of neurons
 * @param hasPost whether the layer has a {@code POST} stalk ({@code a_l}, or {@code a_out} on a
 *     non-identity output)
 */
public record Layer(int index, String name, int width, boolean hasPost) {
    /** Neuron {@code neuron} of the {@code PRE} stalk: {@code z_l}, or {@code x} on the input. */
    public Coordinate pre(int neuron) {
        return pre().coordinate(neuron);
    }

    /** Neuron {@code neuron} of the {@code POST} stalk: {@code a_l} or {@code a_out}. */
    public Coordinate post(int neuron) {
        return post().coordinate(neuron);
    }

    /** The whole {@code PRE} stalk. */
    public StalkRef pre() {
        return new StalkRef(index, Stalk.PRE, width);
    }

    /** The whole {@code POST} stalk. */
    public StalkRef post() {
        if (!hasPost) {
            throw new IllegalArgumentException("layer " + name + "() has no POST stalk: "
                    + (index == 0 ? "the input has only x" : "an identity output has no a_out") + "; use pre()");
        }
        return new StalkRef(index, Stalk.POST, width);
    }
}
