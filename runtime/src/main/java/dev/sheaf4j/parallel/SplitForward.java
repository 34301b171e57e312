package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.stream.IntStream;

/**
 * The forward pass of a large batch, such as a whole dataset, cut into the contiguous shares of
 * samples {@link ThreadPolicy#passShares} gives and run on the common fork-join pool. Each share is
 * passed by the kernel as a batch of its own, so the values depend on the shares, which are fixed by
 * the work and the machine's cores, never on the threads or the load.
 */
public final class SplitForward {
    private SplitForward() {
    }

    /** {@code kernel.forward(params, state, batch)}, the batch cut into shares when it is large enough. */
    public static void forward(SheafKernel kernel, double[] params, double[] state, int batch) {
        SheafLayout layout = kernel.layout();
        int shares = Math.min(batch / 2, ThreadPolicy.passShares(ThreadPolicy.work(layout.architecture(), batch)));
        if (shares <= 1) {
            kernel.forward(params, state, batch);
            return;
        }
        int rows = layout.stateSize();
        int inputs = layout.architecture().inputs();
        IntStream.range(0, shares).parallel().forEach(t -> {
            int from = (int) ((long) batch * t / shares);
            int size = (int) ((long) batch * (t + 1) / shares) - from;
            double[] part = new double[layout.stateLength(size)];
            BatchSplit.gather(state, batch, part, from, size, inputs);
            kernel.forward(params, part, size);
            BatchSplit.scatter(part, state, batch, from, size, rows);
        });
    }
}
