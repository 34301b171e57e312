package dev.sheaf4j.parallel;

/**
 * How many cores a step split over threads can use right now, measured rather than assumed: a short
 * calibration times rounds of a synthetic step (a fixed amount of arithmetic per core, about
 * {@value #GRAIN_NANOS} ns) run on one thread and on a {@link Crew} of one thread per core, in
 * alternation, and reads the free cores off the speedup. A core that another process keeps busy, or
 * a machine with more runnable threads than cores, shows up as a crew that keeps waiting for a
 * thread the scheduler has not run, and so as a speedup near one. The calibration takes a few tens
 * of milliseconds.
 */
public final class FreeCores {
    /** The length of one core's share of the synthetic step. */
    private static final long GRAIN_NANOS = 50_000;
    /** Rounds of the synthetic step on each side. */
    private static final int ROUNDS = 200;
    /** How far short of a whole core a speedup may fall and still count the core. */
    private static final double SLACK = 0.25;

    private static volatile double sink;

    private FreeCores() {
    }

    /** The cores free now, between 1 and {@code cores}. */
    public static int measure(int cores) {
        if (cores < 2) {
            return 1;
        }
        long iterations = calibrate();
        long alone = 0;
        long together = 0;
        try (Crew crew = new Crew("sheaf4j-free-cores", cores, i -> spin(iterations))) {
            for (int r = 0; r < ROUNDS / 10; r++) {
                crew.run();
            }
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < cores; i++) {
                    spin(iterations);
                }
                long middle = System.nanoTime();
                crew.run();
                alone += middle - start;
                together += System.nanoTime() - middle;
            }
        }
        return fromSpeedup((double) alone / together, cores);
    }

    /**
     * The free cores that a crew of {@code cores} threads running {@code speedup} times faster than
     * one thread shows: the speedup rounded down, unless it falls short of a whole core by less than
     * {@value #SLACK}; at least 1, at most {@code cores}.
     */
    static int fromSpeedup(double speedup, int cores) {
        int free = (int) Math.floor(speedup + SLACK);
        return Math.max(1, Math.min(cores, free));
    }

    /** Iterations of the spin that take about {@link #GRAIN_NANOS} (the spin warmed up on the way). */
    private static long calibrate() {
        long iterations = 1 << 10;
        long nanos;
        while ((nanos = timeSpin(iterations)) < 20 * GRAIN_NANOS) {
            iterations *= 2;
        }
        return Math.max(1, (long) (iterations * (double) GRAIN_NANOS / nanos));
    }

    private static long timeSpin(long iterations) {
        long start = System.nanoTime();
        spin(iterations);
        return System.nanoTime() - start;
    }

    /** {@code iterations} dependent multiply-adds. */
    private static void spin(long iterations) {
        double x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 0.9999999 + 1e-7;
        }
        sink = x;
    }
}
