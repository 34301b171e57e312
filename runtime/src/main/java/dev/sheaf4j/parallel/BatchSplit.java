package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * A batch cut into contiguous shares of samples, each with its own stalk buffer,
 * compiled pins and workspace. Between {@link #load} and {@link #unload} the stalks stay in the
 * shares' buffers; otherwise each step copies its share in ({@link #enter}) and out ({@link #leave}).
 */
final class BatchSplit {
    /** One share: samples {@code from .. from + size - 1} and its buffers. */
    static final class Share {
        final int from;
        final int size;
        final double[] state;
        final PinSet pins;
        final Workspace workspace;

        Share(SheafLayout layout, int from, int size, Pins pins) {
            this.from = from;
            this.size = size;
            this.state = new double[layout.stateLength(size)];
            this.pins = pins.compile(layout, size);
            this.workspace = new Workspace(layout, size);
        }
    }

    private final int batch;
    private final Share[] shares;
    private boolean resident;

    /**
     * {@code batch} samples of {@code kernel}'s sheaf cut into {@code min(count, batch)} shares;
     * {@code pins} must hold one value for all samples (per-sample values cannot follow the samples
     * into the shares).
     */
    BatchSplit(SheafKernel kernel, int batch, int count, Pins pins) {
        if (!ThreadPolicy.splits(pins)) {
            throw new IllegalArgumentException("steps on several threads need pins with one value for all samples,"
                    + " not one per sample (" + pins + "); use one thread");
        }
        SheafLayout layout = kernel.layout();
        this.batch = batch;
        int cut = Math.max(1, Math.min(count, batch));
        this.shares = new Share[cut];
        for (int t = 0; t < cut; t++) {
            int from = (int) ((long) batch * t / cut);
            int to = (int) ((long) batch * (t + 1) / cut);
            shares[t] = new Share(layout, from, to - from, pins);
        }
    }

    /** The number of shares. */
    int count() {
        return shares.length;
    }

    /** Share {@code t}. */
    Share share(int t) {
        return shares[t];
    }

    /** Whether the stalks live in the shares' buffers (between {@link #load} and {@link #unload}). */
    boolean resident() {
        return resident;
    }

    /** Copies the stalks of the whole batch into the shares, where steps keep them until {@link #unload}. */
    void load(double[] state) {
        for (Share s : shares) {
            gather(state, s.state, s);
        }
        resident = true;
    }

    /** Copies the shares' stalks back into {@code state}; steps copy their samples in and out again. */
    void unload(double[] state) {
        for (Share s : shares) {
            scatter(s.state, state, s);
        }
        resident = false;
    }

    /** Before share {@code t}'s step: copies its stalks in from {@code state} unless they are resident. */
    void enter(int t, double[] state) {
        if (!resident) {
            gather(state, shares[t].state, shares[t]);
        }
    }

    /** After share {@code t}'s step: copies its stalks back to {@code state} unless they are resident. */
    void leave(int t, double[] state) {
        if (!resident) {
            scatter(shares[t].state, state, shares[t]);
        }
    }

    /** The largest of the shares' stalk changes, NaN if any is NaN. */
    static double largest(double[] changes) {
        double max = 0;
        for (double c : changes) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** Copies {@code share}'s columns of {@code full} ({@code (row, sample)} layout of the batch) into {@code part}. */
    void gather(double[] full, double[] part, Share share) {
        gather(full, batch, part, share.from, share.size, part.length / share.size);
    }

    private void scatter(double[] part, double[] full, Share share) {
        scatter(part, full, batch, share.from, share.size, part.length / share.size);
    }

    /**
     * Copies columns {@code from .. from + size - 1} of the first {@code rows} rows of {@code full}
     * ({@code (row, sample)} layout of {@code batch} samples) into {@code part}, a {@code (row,
     * sample)} array of {@code size} samples.
     */
    static void gather(double[] full, int batch, double[] part, int from, int size, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(full, r * batch + from, part, r * size, size);
        }
    }

    /** The reverse of {@link #gather(double[], int, double[], int, int, int)}. */
    static void scatter(double[] part, double[] full, int batch, int from, int size, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(part, r * size, full, r * batch + from, size);
        }
    }
}
