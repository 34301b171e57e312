package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * A network whose input is pinned, folded into one input: with {@code x} fixed, the weight edge
 * {@code W_1 x + b_1 - z_1} is that of a network of input width 1 whose {@code W_1} is the column
 * {@code W_1 x} and whose input is 1, and a skip from the input adds the constant {@code P x} to its
 * target's bias (skips from hidden layers are kept). Its kernel then computes every energy,
 * discrepancy and force of the free stalks as the full network's would, without the products by
 * {@code W_1} (and the input's projections) at each point; it pays when the input is wider than the
 * first layer. Immutable.
 */
final class PinnedInput {
    private final Architecture full;
    private final double[] params;
    private final SheafKernel kernel;
    private final List<SkipSpan> skips;

    /** The folding of {@code full} with parameters {@code params} (not modified). */
    PinnedInput(Architecture full, double[] params) {
        this.full = full;
        this.params = params;
        int[] widths = full.widths();
        widths[0] = 1;
        double[] slopes = new double[full.layers() - 1];
        for (int l = 1; l < full.layers(); l++) {
            slopes[l - 1] = full.slope(l);
        }
        List<Skip> kept = full.skips().stream().filter(s -> s.from() > 0).toList();
        this.kernel = new GenericKernel(new Architecture(widths, slopes, full.head(), kept));
        this.skips = SkipSpan.of(new SheafLayout(full));
    }

    /** Whether folding pays for {@code arch}: its input is wider than its first layer. */
    static boolean pays(Architecture arch) {
        return arch.inputs() > arch.width(1);
    }

    /** The kernel of the folded network. */
    SheafKernel kernel() {
        return kernel;
    }

    SheafLayout layout() {
        return kernel.layout();
    }

    /**
     * The folded network's parameters for the input {@code x} held in the full state {@code v}, whose
     * product {@code W_1 x} is {@code inputProduct} (see {@link InputProducts}).
     */
    double[] paramsFor(double[] v, double[] inputProduct) {
        Architecture folded = kernel.layout().architecture();
        double[] p = new double[folded.parameterCount()];
        System.arraycopy(inputProduct, 0, p, folded.weightOffset(1), full.width(1));
        int rest = full.biasOffset(1);
        int layersEnd = full.biasOffset(full.layers()) + full.outputs();
        System.arraycopy(params, rest, p, folded.biasOffset(1), layersEnd - rest);
        int kept = 0;
        for (SkipSpan skip : skips) {
            if (skip.skip().from() == 0) {
                skip.addTerm(params, v, p, folded.biasOffset(skip.to()), 1);
            } else {
                if (skip.projected()) {
                    System.arraycopy(params, skip.projection(), p, folded.projectionOffset(kept),
                            skip.rows() * skip.cols());
                }
                kept++;
            }
        }
        return p;
    }

    /** Writes the folded state of the full state {@code v} into {@code folded}: the input 1, then the rest. */
    void fold(double[] v, double[] folded) {
        folded[0] = 1;
        System.arraycopy(v, full.inputs(), folded, 1, folded.length - 1);
    }

    /** Writes the folded {@code values} back into the full-state vector {@code out}; its input part is 0. */
    void unfold(double[] values, double[] out) {
        java.util.Arrays.fill(out, 0, full.inputs(), 0.0);
        System.arraycopy(values, 1, out, full.inputs(), values.length - 1);
    }
}
