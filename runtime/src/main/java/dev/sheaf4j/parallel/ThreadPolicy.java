package dev.sheaf4j.parallel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;

/**
 * The one place that decides how a batch step is split when the user did not say: into how many
 * shares of samples (which fixes the results) and on how many threads (which only changes the
 * time). A step's work is counted in weight-sample products (parameters times samples); each share
 * must get at least {@link #MIN_WORK_PER_THREAD} of them, and there are never more shares than the
 * machine has cores nor more threads than cores are free now. So a run gives the same numbers on a
 * machine whatever its load. An explicit thread count from the user always wins: as many shares and
 * threads.
 */
public final class ThreadPolicy {
    /**
     * The least work per share (weight-sample products) for which a second thread is worth its
     * handover. A setting, not yet fixed by a measured break-even; {@code ./sheaf4j bench --suite
     * scaling} times one and two threads.
     */
    public static final long MIN_WORK_PER_THREAD = 16_000;

    /**
     * The least work per share of a one-off pass on the common pool ({@link #passShares}), where each
     * share pays a task's handover and its copies: a setting, not a measured break-even.
     */
    public static final long MIN_WORK_PER_PASS_SHARE = 1_000_000;

    /** Shares of a one-off pass per core, so that a slow core holds back only a small part of it. */
    public static final int PASS_SHARES_PER_CORE = 4;

    private ThreadPolicy() {
    }

    /** A batch step cut into {@code shares} of samples, stepped by {@code threads} threads. */
    public record Split(int shares, int threads) {
        /** Checks that there is at least one share and one thread and no more threads than shares. */
        public Split {
            if (shares < 1 || threads < 1 || threads > shares) {
                throw new IllegalArgumentException("a split needs 1 <= threads <= shares, got " + threads
                        + " threads for " + shares + " shares");
            }
        }

        /** One share on one thread. */
        public static Split serial() {
            return new Split(1, 1);
        }

        /** {@code count} shares on as many threads: what an explicit thread count asks for. */
        public static Split explicit(int count) {
            return new Split(count, count);
        }
    }

    /** The work of one step of {@code arch} on {@code batch} samples, in weight-sample products. */
    public static long work(Architecture arch, int batch) {
        return (long) arch.parameterCount() * batch;
    }

    /** Whether a batch held by {@code pins} can be split over threads: each pin has one value for all samples. */
    public static boolean splits(Pins pins) {
        for (Pins.Pin pin : pins.pins()) {
            if (pin.values().length != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Threads for a step of {@code work} weight-sample products when {@code freeCores} cores are free:
     * as many as get {@link #MIN_WORK_PER_THREAD} each, at most the free cores, at least one.
     */
    public static int threads(long work, int freeCores) {
        long byWork = work / MIN_WORK_PER_THREAD;
        return (int) Math.max(1, Math.min(byWork, freeCores));
    }

    /**
     * The shares of a one-off pass of {@code work} weight-sample products, such as the forward pass
     * of a whole dataset, on the common fork-join pool: one per {@link #MIN_WORK_PER_PASS_SHARE}, at
     * most {@link #PASS_SHARES_PER_CORE} per core, at least one. The pool's threads and the caller
     * take shares as they come free, so a core that another process keeps busy costs at most the share
     * it holds; no free cores are measured, since a pass is too short to pay for it.
     */
    public static int passShares(long work) {
        long cap = (long) PASS_SHARES_PER_CORE * Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(work / MIN_WORK_PER_PASS_SHARE, cap));
    }

    /**
     * The default split of a step of {@code work}: {@link #threads(long, int)} shares with every core
     * of the machine, stepped by as many threads as the cores {@link FreeCores#measure} finds free now
     * allow (free cores are measured only when there is more than one share).
     */
    public static Split automatic(long work) {
        int cores = Runtime.getRuntime().availableProcessors();
        int shares = threads(work, cores);
        return shares == 1 ? Split.serial() : new Split(shares, threads(work, FreeCores.measure(cores)));
    }
}
