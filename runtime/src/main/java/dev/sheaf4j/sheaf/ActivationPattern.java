package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.network.Architecture;
import java.util.Arrays;

/**
 * The diagonal masks {@code m_1, ..., m_k} of the hidden layers for one sample: 1 where
 * {@code z >= 0}, the layer's slope (0 for ReLU) elsewhere. Immutable.
 */
public final class ActivationPattern {
    private final double[][] masks;

    private ActivationPattern(double[][] masks) {
        this.masks = masks;
    }

    /** The pattern of the pre-activations in {@code state} for {@code sample}. */
    public static ActivationPattern of(SheafState state, int sample) {
        Architecture arch = state.layout().architecture();
        double[][] masks = new double[arch.hiddenLayers()][];
        for (int l = 1; l <= arch.hiddenLayers(); l++) {
            double[] z = state.stalk(l, Stalk.PRE, sample);
            masks[l - 1] = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                masks[l - 1][i] = z[i] >= 0 ? 1.0 : arch.slope(l);
            }
        }
        return new ActivationPattern(masks);
    }

    /**
     * A pattern given by which hidden neurons are active: {@code active[l-1][i]} for neuron
     * {@code i} of hidden layer {@code l}.
     */
    public static ActivationPattern of(Architecture arch, boolean[][] active) {
        if (active.length != arch.hiddenLayers()) {
            throw new IllegalArgumentException("pattern has " + active.length + " layers, " + arch + " has "
                    + arch.hiddenLayers() + " hidden layers");
        }
        double[][] masks = new double[active.length][];
        for (int l = 1; l <= active.length; l++) {
            if (active[l - 1].length != arch.width(l)) {
                throw new IllegalArgumentException("pattern of hidden layer " + l + " has " + active[l - 1].length
                        + " entries, the layer has " + arch.width(l));
            }
            masks[l - 1] = new double[arch.width(l)];
            for (int i = 0; i < masks[l - 1].length; i++) {
                masks[l - 1][i] = active[l - 1][i] ? 1.0 : arch.slope(l);
            }
        }
        return new ActivationPattern(masks);
    }

    /** Number of hidden layers. */
    public int hiddenLayers() {
        return masks.length;
    }

    /** The mask value of neuron {@code neuron} of hidden layer {@code layer} ({@code 1..k}). */
    public double mask(int layer, int neuron) {
        return masks[layer - 1][neuron];
    }

    /** Number of active neurons over all hidden layers. */
    public int activeCount() {
        int n = 0;
        for (double[] m : masks) {
            for (double v : m) {
                n += v == 1.0 ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationPattern other && Arrays.deepEquals(masks, other.masks);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(masks);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (double[] m : masks) {
            s.append(s.length() == 0 ? "" : "|");
            for (double v : m) {
                s.append(v == 1.0 ? '1' : '0');
            }
        }
        return s.toString();
    }
}
