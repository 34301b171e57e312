package dev.sheaf4j.network;

import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.internal.Require;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A feedforward network: an {@link Architecture} and its parameters ({@code double}, in the flat
 * layout the architecture describes). Immutable: every accessor returns a copy or a single value.
 */
public final class Network {
    private final Architecture architecture;
    private final double[] parameters;

    /**
     * @param architecture the shape
     * @param parameters flat parameters, length {@link Architecture#parameterCount()}, all finite
     */
    public Network(Architecture architecture, double[] parameters) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        Require.length(parameters, architecture.parameterCount(), "parameter array");
        for (int l = 1; l <= architecture.layers(); l++) {
            checkFinite(parameters, architecture.weightOffset(l), architecture.biasOffset(l), "weight", l);
            checkFinite(parameters, architecture.biasOffset(l), architecture.biasOffset(l) + architecture.width(l),
                    "bias", l);
        }
        for (int i = 0; i < architecture.skips().size(); i++) {
            Skip skip = architecture.skips().get(i);
            int from = architecture.projectionOffset(i);
            if (from >= 0) {
                int to = from + architecture.width(skip.to()) * architecture.width(skip.from());
                checkFinite(parameters, from, to, "projection weight", skip.to());
            }
        }
        this.parameters = parameters.clone();
    }

    private void checkFinite(double[] p, int from, int to, String kind, int layer) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException(kind + " " + (i - from) + " of layer " + layer
                        + " must be finite, got " + p[i]);
            }
        }
    }

    /**
     * Builds a network from per-layer matrices: {@code weights[l-1][row][col]} is {@code W_l} and
     * {@code biases[l-1][row]} is {@code b_l}.
     */
    public static Network of(Architecture architecture, double[][][] weights, double[][] biases) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(biases, "biases");
        int layers = architecture.layers();
        if (weights.length != layers || biases.length != layers) {
            throw new IllegalArgumentException("architecture " + architecture + " has " + layers
                    + " weight layers, got " + weights.length + " weight matrices and " + biases.length
                    + " bias vectors");
        }
        double[] p = new double[architecture.parameterCount()];
        for (int l = 1; l <= layers; l++) {
            int rows = architecture.width(l);
            int cols = architecture.width(l - 1);
            double[][] w = weights[l - 1];
            if (w == null || w.length != rows) {
                throw new IllegalArgumentException("W_" + l + " must have " + rows + " rows, got "
                        + (w == null ? "none" : w.length));
            }
            for (int i = 0; i < rows; i++) {
                if (w[i] == null || w[i].length != cols) {
                    throw new IllegalArgumentException("row " + i + " of W_" + l + " must have " + cols
                            + " columns, got " + (w[i] == null ? "none" : w[i].length));
                }
                System.arraycopy(w[i], 0, p, architecture.weightOffset(l) + i * cols, cols);
            }
            Require.length(biases[l - 1], rows, "b_" + l);
            System.arraycopy(biases[l - 1], 0, p, architecture.biasOffset(l), rows);
        }
        return new Network(architecture, p);
    }

    /**
     * He-normal initialisation: {@code W_l ~ N(0, 2 / n_(l-1))}, zero biases, drawn in layer and
     * row-major order from a generator seeded with {@code seed}; then each skip's projection
     * {@code P ~ N(0, 2 / n_from)}, in the order of the skips (so a plain network's weights do not
     * depend on whether skips are added).
     */
    public static Network heInitialised(Architecture architecture, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[architecture.parameterCount()];
        for (int l = 1; l <= architecture.layers(); l++) {
            double std = Math.sqrt(2.0 / architecture.width(l - 1));
            for (int i = architecture.weightOffset(l); i < architecture.biasOffset(l); i++) {
                p[i] = std * random.nextGaussian();
            }
        }
        for (int s = 0; s < architecture.skips().size(); s++) {
            Skip skip = architecture.skips().get(s);
            int from = architecture.projectionOffset(s);
            if (from >= 0) {
                double std = Math.sqrt(2.0 / architecture.width(skip.from()));
                int to = from + architecture.width(skip.to()) * architecture.width(skip.from());
                for (int i = from; i < to; i++) {
                    p[i] = std * random.nextGaussian();
                }
            }
        }
        return new Network(architecture, p);
    }

    /** The shape. */
    public Architecture architecture() {
        return architecture;
    }

    /** A copy of the flat parameters. */
    public double[] parameters() {
        return parameters.clone();
    }

    /** The weight {@code W_l[row][col]}. */
    public double weight(int layer, int row, int col) {
        return parameters[architecture.weightOffset(layer) + row * architecture.width(layer - 1) + col];
    }

    /** The bias {@code b_l[row]}. */
    public double bias(int layer, int row) {
        return parameters[architecture.biasOffset(layer) + row];
    }

    /** A copy of {@code W_l} as {@code [row][col]}. */
    public double[][] weights(int layer) {
        int rows = architecture.width(layer);
        int cols = architecture.width(layer - 1);
        double[][] w = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(parameters, architecture.weightOffset(layer) + i * cols, w[i], 0, cols);
        }
        return w;
    }

    /** A copy of the projection of skip {@code index} (in the architecture's skips) as {@code [row][col]}. */
    public double[][] projection(int index) {
        Skip skip = architecture.skips().get(index);
        int offset = architecture.projectionOffset(index);
        if (offset < 0) {
            throw new IllegalArgumentException("skip " + skip + " is an identity skip and has no projection");
        }
        int rows = architecture.width(skip.to());
        int cols = architecture.width(skip.from());
        double[][] p = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(parameters, offset + i * cols, p[i], 0, cols);
        }
        return p;
    }

    /** A copy of {@code b_l}. */
    public double[] biases(int layer) {
        int from = architecture.biasOffset(layer);
        return Arrays.copyOfRange(parameters, from, from + architecture.width(layer));
    }

    /** Equal when of one architecture with equal parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Network other && architecture.equals(other.architecture)
                && Arrays.equals(parameters, other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(architecture, Arrays.hashCode(parameters));
    }

    /** {@code Network[2, 4, 1] identity [...]}, the parameters shortened when many. */
    @Override
    public String toString() {
        return "Network" + architecture + " " + Brief.of(parameters);
    }
}
