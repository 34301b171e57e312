package dev.sheaf4j.bench;

/**
 * The limits of the machine as this JVM sees them, measured in the process that runs the
 * benchmarks: the peak flop rate of one core, from a calibration kernel of fused multiply-adds that
 * the JIT vectorises and that keeps its data in the first-level cache; and the streaming bandwidth
 * of a triad {@code a = b + s c} over arrays of a chosen total size, which is the bandwidth of
 * whatever level of the memory hierarchy that size lives in.
 */
public final class MachineLimits {
    /** Sixteen chained multiply-adds per element of an 8 KiB array: compute-bound, never memory-bound. */
    private static final int PEAK_ELEMENTS = 1024;
    private static final int PEAK_CHAIN = 16;
    private static final int TRIALS = 5;

    private static volatile double sink;

    private MachineLimits() {
    }

    /** The peak flop rate of one core in GFLOP/s: the best of several runs of about {@code nanos} each. */
    public static double peakGflops(long nanos) {
        double[] values = new double[PEAK_ELEMENTS];
        java.util.Arrays.fill(values, 0.5);
        double rate = bestRate(() -> fmaSweeps(values, 64), 2.0 * PEAK_CHAIN * PEAK_ELEMENTS * 64, nanos);
        sink = values[0];
        return rate / 1e9;
    }

    /** The best rate, in units per second, of several runs of about {@code nanos} of repeated {@code pass}es. */
    private static double bestRate(Runnable pass, double unitsPerPass, long nanos) {
        double best = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            long start = System.nanoTime();
            long passes = 0;
            do {
                pass.run();
                passes++;
            } while (System.nanoTime() - start < nanos);
            best = Math.max(best, unitsPerPass * passes / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    /**
     * {@code PEAK_CHAIN} fused multiply-adds on every element, {@code sweeps} times; the map
     * {@code v -> v/2 + 1/4} keeps every value at 0.5, so nothing overflows or goes subnormal.
     */
    private static void fmaSweeps(double[] v, int sweeps) {
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = fourFmas(fourFmas(fourFmas(fourFmas(v[i]))));
            }
        }
    }

    /** Four chained multiply-adds, written out: the JIT does not unroll a loop inside a loop it vectorises. */
    private static double fourFmas(double x) {
        return Math.fma(Math.fma(Math.fma(Math.fma(x, 0.5, 0.25), 0.5, 0.25), 0.5, 0.25), 0.5, 0.25);
    }

    /**
     * The bandwidth in GB/s of the triad {@code a[i] = b[i] + s c[i]} over three arrays of
     * {@code bytes} in all (24 bytes moved per element, as STREAM counts them): the best of several
     * runs of about {@code nanos} each.
     */
    public static double triadGBs(long bytes, long nanos) {
        int n = (int) Math.max(64, Math.min(Integer.MAX_VALUE - 8, bytes / 24));
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
        double rate = bestRate(() -> triad(a, b, c, 0.5), 24.0 * n, nanos);
        sink = a[n / 2];
        return rate / 1e9;
    }

    private static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }
}
