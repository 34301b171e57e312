package dev.sheaf4j.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * Weights and biases given layer by layer, without an architecture: {@code matrices[l-1]} is
 * {@code W_l} as {@code [row][col]} and {@code biases[l-1]} is {@code b_l}. Checked against an
 * architecture when it becomes a {@link Network}. Immutable (copied in and out).
 */
public final class Weights {
    private final double[][][] matrices;
    private final double[][] biases;

    private Weights(double[][][] matrices, double[][] biases) {
        this.matrices = matrices;
        this.biases = biases;
    }

    /** Weights from per-layer matrices and bias vectors. */
    public static Weights of(double[][][] matrices, double[][] biases) {
        Objects.requireNonNull(matrices, "weight matrices");
        Objects.requireNonNull(biases, "bias vectors");
        double[][][] m = new double[matrices.length][][];
        for (int l = 0; l < m.length; l++) {
            Objects.requireNonNull(matrices[l], "W_" + (l + 1));
            m[l] = new double[matrices[l].length][];
            for (int i = 0; i < m[l].length; i++) {
                m[l][i] = Objects.requireNonNull(matrices[l][i], "row " + i + " of W_" + (l + 1)).clone();
            }
        }
        double[][] b = new double[biases.length][];
        for (int l = 0; l < b.length; l++) {
            b[l] = Objects.requireNonNull(biases[l], "b_" + (l + 1)).clone();
        }
        return new Weights(m, b);
    }

    /** The weights of {@code network}. */
    public static Weights of(Network network) {
        int layers = network.architecture().layers();
        double[][][] m = new double[layers][][];
        double[][] b = new double[layers][];
        for (int l = 1; l <= layers; l++) {
            m[l - 1] = network.weights(l);
            b[l - 1] = network.biases(l);
        }
        return new Weights(m, b);
    }

    /**
     * These weights as a network of {@code architecture}.
     *
     * @throws IllegalArgumentException if a shape does not match or a value is not finite
     */
    public Network toNetwork(Architecture architecture) {
        return Network.of(architecture, matrices, biases);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other && Arrays.deepEquals(matrices, other.matrices)
                && Arrays.deepEquals(biases, other.biases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(matrices), Arrays.deepHashCode(biases));
    }

    /** The shape of each layer: {@code Weights[W_1 4x2, b_1 4; W_2 1x4, b_2 1]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Weights[");
        for (int l = 0; l < matrices.length; l++) {
            int columns = matrices[l].length == 0 ? 0 : matrices[l][0].length;
            s.append(l == 0 ? "" : "; ").append("W_").append(l + 1).append(' ').append(matrices[l].length).append('x')
                    .append(columns).append(", b_").append(l + 1).append(' ').append(biases[l].length);
        }
        return s.append(']').toString();
    }
}
