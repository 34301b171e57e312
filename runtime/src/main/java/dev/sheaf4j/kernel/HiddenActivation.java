package dev.sheaf4j.kernel;

/**
 * The hidden layers' activation {@code m(v) v} and its mask {@code m(v)} (1 where {@code v >= 0},
 * the layer's slope elsewhere): the one implementation that the generic kernel, generated kernels,
 * the tile loops and the baselines call. Both are branch-free, since the sign of a pre-activation
 * is as good as random and a branch on it is mispredicted half the time.
 */
public final class HiddenActivation {
    /** {@code 2^1000}: scales every nonzero double, subnormals included, to magnitude at least 1 in two steps. */
    private static final double HUGE = 0x1p1000;

    private HiddenActivation() {
    }

    /**
     * The activation {@code m(v) v}: {@code v} where {@code v >= 0}, {@code slope v} elsewhere
     * ({@code 0 <= slope < 1}), as a maximum; for the ReLU the maximum with 0, so that
     * {@code +Infinity} stays infinite rather than meeting {@code 0 * Infinity}.
     */
    public static double value(double v, double slope) {
        return Math.max(v, slope == 0 ? 0.0 : slope * v);
    }

    /**
     * The mask {@code m(v)}: exactly 1 where {@code v >= 0} (also for {@code -0.0}), exactly
     * {@code slope} where {@code v < 0}.
     */
    public static double mask(double v, double slope) {
        double step = Math.min(1.0, Math.max(0.0, 1.0 + v * HUGE * HUGE));
        return step + slope * (1.0 - step);
    }
}
