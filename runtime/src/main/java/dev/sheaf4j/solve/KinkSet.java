package dev.sheaf4j.solve;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;

/**
 * The hidden pre-activations of one sample's solve and their place in the activation pattern: each
 * one's mask from its sign, the side chosen for one sitting exactly at {@code z = 0}, and the active
 * set of those held at the kink. Not thread-safe: one per sample.
 */
final class KinkSet {
    private final SheafLayout layout;
    private final int[] hidden;
    private final double[] slopes;
    private final boolean[] clamped;
    private final boolean[] flipped;
    private final double[] side;

    /** The hidden pre-activations among the {@code solved} coordinates, none at a kink, every side positive. */
    KinkSet(SheafLayout layout, boolean[] solved) {
        this.layout = layout;
        Architecture arch = layout.architecture();
        int count = 0;
        for (int l = 1; l < arch.layers(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                count += solved[layout.preOffset(l) + i] ? 1 : 0;
            }
        }
        hidden = new int[count];
        slopes = new double[count];
        int k = 0;
        for (int l = 1; l < arch.layers(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                if (solved[layout.preOffset(l) + i]) {
                    hidden[k] = layout.preOffset(l) + i;
                    slopes[k++] = arch.slope(l);
                }
            }
        }
        clamped = new boolean[count];
        flipped = new boolean[count];
        side = new double[count];
        Arrays.fill(side, 1.0);
    }

    /** The activation {@code a} fed by the pre-activation at state index {@code z}. */
    private int activation(int z) {
        return z + layout.architecture().width(layout.vertexAt(z).layer());
    }

    /** Forgets every kink and side: the kink set of a new sample. */
    void reset() {
        Arrays.fill(clamped, false);
        Arrays.fill(flipped, false);
        Arrays.fill(side, 1.0);
    }

    /**
     * Holds every hidden pre-activation sitting exactly at {@code z = 0} in {@code v} at its kink: the
     * kinks a warm start's earlier equilibrium settled at, which it would otherwise find again by
     * stepping onto them. One whose one-sided derivatives disagree is released as any other.
     */
    void holdZeros(double[] v) {
        for (int k = 0; k < hidden.length; k++) {
            clamped[k] |= v[hidden[k]] == 0;
        }
    }

    /** Takes each pre-activation sitting at {@code z = 0} on its chosen side in the gradient {@code g}. */
    void takeSides(double[] v, double[] g) {
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            if (v[z] == 0 && side[k] != 1.0) {
                g[z] += (1 - side[k]) * v[activation(z)];
            }
        }
    }

    /** Whether the coordinate at state index {@code c} is held at a kink. */
    boolean isClamped(int c) {
        int k = Arrays.binarySearch(hidden, c);
        return k >= 0 && clamped[k];
    }

    /** How many pre-activations are held at a kink. */
    int clampedCount() {
        int count = 0;
        for (boolean c : clamped) {
            count += c ? 1 : 0;
        }
        return count;
    }

    /**
     * Marks the pre-activations held at a kink inactive in {@code active} and writes every hidden
     * pre-activation's mask at {@code v} into {@code masks}: its slope by sign, its side at 0.
     */
    void pattern(double[] v, boolean[] active, double[] masks) {
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            active[z] = !clamped[k];
            masks[z] = v[z] > 0 ? 1.0 : v[z] < 0 ? slopes[k] : side[k];
        }
    }

    /**
     * The largest violation at the kinks: how far 0 lies outside the one-sided derivatives of a
     * pre-activation held at {@code z = 0}. When {@code release}, the most violated kink is freed
     * on the side of descent (an active-set step, taken once the rest is stationary).
     */
    double stationarity(double[] v, double[] g, boolean release) {
        double worst = 0;
        int worstKink = -1;
        double worstSide = 1.0;
        for (int k = 0; k < hidden.length; k++) {
            if (!clamped[k]) {
                continue;
            }
            int z = hidden[k];
            double a = v[activation(z)];
            double right = side[k] == 1.0 ? g[z] : g[z] - (1 - side[k]) * a;
            double left = right + (1 - slopes[k]) * a;
            double violation = Math.max(0, Math.max(-right, left));
            if (violation > worst) {
                worst = violation;
                worstKink = k;
                worstSide = -right >= left ? 1.0 : slopes[k];
            }
        }
        if (release && worstKink >= 0) {
            clamped[worstKink] = false;
            side[worstKink] = worstSide;
            flipped[worstKink] = true;
        }
        return worst;
    }

    /**
     * At a pre-activation sitting exactly at 0, the step must go to the side whose mask it was
     * computed with. If not, switches sides; if it wants back again, holds it at the kink. Returns
     * whether every side was consistent.
     */
    boolean consistent(double[] v, double[] step) {
        boolean consistent = true;
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            if (clamped[k] || v[z] != 0 || step[z] == 0) {
                continue;
            }
            double wanted = step[z] > 0 ? 1.0 : slopes[k];
            if (wanted != side[k]) {
                consistent = false;
                if (flipped[k]) {
                    clamped[k] = true;
                } else {
                    side[k] = wanted;
                    flipped[k] = true;
                }
            }
        }
        return consistent;
    }

    /** The step fractions in (0, 1) at which a free hidden pre-activation crosses zero, in order. */
    double[] crossings(double[] v, double[] step) {
        double[] found = new double[hidden.length];
        int count = 0;
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            if (!clamped[k] && v[z] != 0 && step[z] != 0) {
                double t = -v[z] / step[z];
                if (t > 0 && t < 1) {
                    found[count++] = t;
                }
            }
        }
        double[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Pre-activations crossing zero at {@code t} along {@code step} from {@code v} land on 0 in {@code moved}. */
    void snap(double[] v, double[] step, double t, double[] moved) {
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            if (!clamped[k] && v[z] != 0 && step[z] != 0 && -v[z] / step[z] == t) {
                moved[z] = 0;
            }
        }
    }

    /**
     * Notes a move from {@code v} to {@code moved} along {@code step}: a pre-activation that landed on
     * 0 takes the side it came towards, and every side may flip again. Returns how many
     * pre-activations changed sign class.
     */
    int moved(double[] v, double[] step, double[] moved) {
        int changes = 0;
        for (int k = 0; k < hidden.length; k++) {
            int z = hidden[k];
            if (Math.signum(moved[z]) != Math.signum(v[z])) {
                changes++;
            }
            if (moved[z] == 0 && v[z] != 0) {
                side[k] = step[z] > 0 ? 1.0 : slopes[k];
            }
            flipped[k] = false;
        }
        return changes;
    }
}
