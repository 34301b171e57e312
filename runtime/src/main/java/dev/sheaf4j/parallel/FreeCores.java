package dev.sheaf4j.parallel;

/**
 * How many cores this process can use right now, measured rather than assumed: one thread spins
 * through a fixed amount of arithmetic alone, then one thread per core spins through the same
 * amount together; a core counts as free as far as its thread kept the solo pace. A core that
 * another process keeps busy shows up as a thread that took about twice as long. The probe takes
 * a few tens of milliseconds, long enough to span the scheduler's time slices.
 */
public final class FreeCores {
    /** The length of one spin of the probe. */
    private static final long PROBE_NANOS = 15_000_000;
    /** Fraction of a core below which the summed paces are rounded down. */
    private static final double ROUNDING = 0.75;

    private static volatile double sink;

    private FreeCores() {
    }

    /** The cores free now, between 1 and {@code cores}. */
    public static int measure(int cores) {
        if (cores < 2) {
            return 1;
        }
        long iterations = calibrate();
        long alone = Math.min(spinNanos(iterations), spinNanos(iterations));
        long[] together = new long[cores];
        Thread[] threads = new Thread[cores - 1];
        for (int t = 1; t < cores; t++) {
            int index = t;
            threads[t - 1] = new Thread(() -> together[index] = spinNanos(iterations), "sheaf4j-free-cores-" + t);
            threads[t - 1].start();
        }
        together[0] = spinNanos(iterations);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        double[] paces = new double[cores];
        for (int t = 0; t < cores; t++) {
            paces[t] = (double) alone / together[t];
        }
        return fromPaces(paces);
    }

    /**
     * The free cores that threads running at {@code paces} (each its speed together over its speed
     * alone) show: their sum, rounded down unless it falls short of a whole core by less than a quarter.
     */
    static int fromPaces(double[] paces) {
        double sum = 0;
        for (double pace : paces) {
            sum += Math.min(1, pace);
        }
        int free = (int) Math.floor(sum + 1 - ROUNDING);
        return Math.max(1, Math.min(paces.length, free));
    }

    /** Iterations of the spin that take about {@link #PROBE_NANOS} (and warm the spin up). */
    private static long calibrate() {
        long iterations = 1 << 16;
        long nanos;
        while ((nanos = spinNanos(iterations)) < PROBE_NANOS / 4) {
            iterations *= 2;
        }
        return Math.max(1, (long) (iterations * (double) PROBE_NANOS / nanos));
    }

    /** Wall nanoseconds of {@code iterations} dependent multiply-adds. */
    private static long spinNanos(long iterations) {
        long start = System.nanoTime();
        double x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 0.9999999 + 1e-7;
        }
        sink = x;
        return System.nanoTime() - start;
    }
}
