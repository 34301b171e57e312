package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.LayerSpan;
import dev.sheaf4j.kernel.SkipSpan;
import java.util.Arrays;
import java.util.List;

/**
 * The weight edges' residuals {@code W_l a_(l-1) + b_l + sum P a_from - z_l} of one sample's state
 * (the sum over the skips into layer {@code l}), at their places in the discrepancy vector, and how
 * they change along a step. With the input pinned, {@code W_1 x + b_1} comes from the batch's
 * {@link InputProducts} instead of every point (for a wide input, the bulk of the work), and a skip from
 * the input does not change along a step. Not thread-safe: one per sample.
 */
final class WeightEdges {
    private final double[] params;
    private final boolean inputFixed;
    private final List<LayerSpan> layers;
    private final List<List<SkipSpan>> skipsInto;
    private final double[] inputTerm;
    private final int bias;

    /**
     * The weight edges of {@code weights}; {@code inputProduct}: the sample's {@code W_1 x} when the
     * solve leaves every input as it is, else null.
     */
    WeightEdges(PinnedWeights weights, double[] inputProduct) {
        this.params = weights.params();
        this.inputFixed = inputProduct != null;
        this.layers = weights.layers();
        this.skipsInto = weights.skipsInto();
        bias = weights.layout().architecture().biasOffset(1);
        inputTerm = inputFixed ? new double[inputProduct.length] : null;
        input(inputProduct);
    }

    /** With the input fixed, takes {@code inputProduct} as the {@code W_1 x} of the sample solved next. */
    void input(double[] inputProduct) {
        for (int i = 0; inputFixed && i < inputTerm.length; i++) {
            inputTerm[i] = inputProduct[i] + params[bias + i];
        }
    }

    /** Writes the weight edges' residuals at {@code v} into {@code d}; other entries are left as they are. */
    void residuals(double[] v, double[] d) {
        for (LayerSpan l : layers) {
            int r = l.residual();
            if (l.layer() == 1 && inputFixed) {
                for (int i = 0; i < l.rows(); i++) {
                    d[r + i] = inputTerm[i] - v[l.pre() + i];
                }
            } else {
                LayerLoops.residual(params, l.weights(), l.biases(), l.rows(), l.cols(), v, l.input(), l.pre(), d, r,
                        1);
            }
            for (SkipSpan skip : skipsInto.get(l.layer() - 1)) {
                skip.addTerm(params, v, d, r, 1);
            }
        }
    }

    /** Writes how the weight edges' residuals change along {@code step} into {@code d}: without the biases. */
    void slopes(double[] step, double[] d) {
        for (LayerSpan l : layers) {
            int r = l.residual();
            Arrays.fill(d, r, r + l.rows(), 0.0);
            if (l.layer() > 1 || !inputFixed) {
                LayerLoops.addProduct(params, l.weights(), l.rows(), l.cols(), step, l.input(), d, r, 1);
            }
            for (int i = 0; i < l.rows(); i++) {
                d[r + i] -= step[l.pre() + i];
            }
            for (SkipSpan skip : skipsInto.get(l.layer() - 1)) {
                if (skip.skip().from() > 0 || !inputFixed) {
                    skip.addTerm(params, step, d, r, 1);
                }
            }
        }
    }
}
