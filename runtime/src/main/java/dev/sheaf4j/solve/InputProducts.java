package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.parallel.ThreadPolicy;
import java.util.stream.IntStream;

/**
 * The products {@code W_1 x} of every sample's pinned input, computed for a whole batch in one pass
 * of the batched loops: the part of the first weight edge that no step of a solve with its input
 * fixed changes, shared by the folded network's parameters ({@link PinnedInput}) and the weight
 * edges' residuals ({@link WeightEdges}). Immutable.
 */
final class InputProducts {
    private final double[] products;
    private final int rows;
    private final int batch;

    /**
     * The products for the inputs of the {@code batch} samples of {@code state} ({@code (coordinate,
     * sample)}), the rows of {@code W_1} cut into the shares of {@link ThreadPolicy#passShares} (each
     * row's products are the same in any share).
     */
    InputProducts(Architecture arch, double[] params, double[] state, int batch) {
        this.rows = arch.width(1);
        this.batch = batch;
        products = new double[rows * batch];
        int cols = arch.inputs();
        int shares = Math.min(rows, ThreadPolicy.passShares((long) rows * cols * batch));
        IntStream parts = IntStream.range(0, shares);
        (shares > 1 ? parts.parallel() : parts).forEach(t -> {
            int from = rows * t / shares;
            int to = rows * (t + 1) / shares;
            LayerLoops.addProduct(params, arch.weightOffset(1) + from * cols, to - from, cols, state, 0, products,
                    from * batch, batch);
        });
    }

    /** {@code W_1 x} of {@code sample}, in a new array. */
    double[] of(int sample) {
        double[] product = new double[rows];
        for (int i = 0; i < rows; i++) {
            product[i] = products[i * batch + sample];
        }
        return product;
    }
}
