package dev.sheaf4j.solve;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The weight edges' residuals {@code W_l a_(l-1) + b_l - z_l} of one sample's state, at their places
 * in the discrepancy vector, and how they change along a step. With the input pinned, {@code W_1 x +
 * b_1} is computed once for the whole solve instead of at every point (for a wide input, the bulk
 * of the work). Not thread-safe: one per sample.
 */
final class WeightEdges {
    private final Architecture arch;
    private final SheafLayout layout;
    private final double[] params;
    private final boolean inputFixed;
    private double[] inputTerm;

    /** The weight edges of {@code weights}; {@code inputFixed}: whether the solve leaves every input as it is. */
    WeightEdges(PinnedWeights weights, boolean inputFixed) {
        this.layout = weights.layout();
        this.arch = layout.architecture();
        this.params = weights.params();
        this.inputFixed = inputFixed;
    }

    /** Writes the weight edges' residuals at {@code v} into {@code d}; other entries are left as they are. */
    void residuals(double[] v, double[] d) {
        for (int l = 1; l <= arch.layers(); l++) {
            int z = layout.preOffset(l);
            int r = z - arch.inputs();
            if (l == 1 && inputFixed) {
                if (inputTerm == null) {
                    inputTerm = new double[arch.width(1)];
                    affine(1, v, inputTerm, 0, true);
                }
                for (int i = 0; i < arch.width(1); i++) {
                    d[r + i] = inputTerm[i] - v[z + i];
                }
            } else {
                affine(l, v, d, r, true);
                for (int i = 0; i < arch.width(l); i++) {
                    d[r + i] -= v[z + i];
                }
            }
        }
    }

    /** Writes how the weight edges' residuals change along {@code step} into {@code d}: without the biases. */
    void slopes(double[] step, double[] d) {
        for (int l = 1; l <= arch.layers(); l++) {
            int z = layout.preOffset(l);
            int r = z - arch.inputs();
            if (l == 1 && inputFixed) {
                for (int i = 0; i < arch.width(1); i++) {
                    d[r + i] = -step[z + i];
                }
            } else {
                affine(l, step, d, r, false);
                for (int i = 0; i < arch.width(l); i++) {
                    d[r + i] -= step[z + i];
                }
            }
        }
    }

    /** {@code out[at..] = W_l a_(l-1) (+ b_l)} with {@code a_(l-1)} read from the state {@code v}. */
    private void affine(int l, double[] v, double[] out, int at, boolean withBias) {
        int rows = arch.width(l);
        int cols = arch.width(l - 1);
        int input = l == 1 ? 0 : layout.postOffset(l - 1);
        int w = arch.weightOffset(l);
        for (int i = 0; i < rows; i++) {
            double sum = withBias ? params[arch.biasOffset(l) + i] : 0;
            int row = w + i * cols;
            for (int k = 0; k < cols; k++) {
                sum += params[row + k] * v[input + k];
            }
            out[at + i] = sum;
        }
    }
}
