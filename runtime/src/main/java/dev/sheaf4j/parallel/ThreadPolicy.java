package dev.sheaf4j.parallel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;

/**
 * The one place that decides how many threads a batch step gets when the user did not say. A step's
 * work is counted in weight-sample products (parameters times samples); each thread must get at
 * least {@link #MIN_WORK_PER_THREAD} of them, and never more threads than cores are free. An
 * explicit thread count from the user always wins over this policy.
 */
public final class ThreadPolicy {
    /**
     * The least work per thread (weight-sample products) for which a second thread pays for its
     * handover; measured with {@code ./sheaf4j bench --suite scaling} (the figures are in the
     * project's benchmark notes).
     */
    public static final long MIN_WORK_PER_THREAD = 16_000;

    private ThreadPolicy() {
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
     * The default threads for a step of {@code work}: one when the work is too small to share, else
     * {@link #threads(long, int)} with the cores that {@link FreeCores#measure} finds free now.
     */
    public static int automatic(long work) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads(work, cores) == 1) {
            return 1;
        }
        return threads(work, FreeCores.measure(cores));
    }
}
