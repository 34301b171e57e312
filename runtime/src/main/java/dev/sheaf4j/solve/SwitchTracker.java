package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.Arrays;
import java.util.Set;

/** Watches the signs of the hidden pre-activations of a batch and notes the steps where any flips. */
final class SwitchTracker {
    private final int[] from;
    private final int[] to;
    private final boolean[] active;
    private final int batch;
    private int[] steps = new int[16];
    private int count;

    SwitchTracker(SheafLayout layout, int batch, double[] state) {
        int hidden = layout.architecture().hiddenLayers();
        this.batch = batch;
        from = new int[hidden];
        to = new int[hidden];
        int total = 0;
        for (int l = 1; l <= hidden; l++) {
            from[l - 1] = layout.preOffset(l) * batch;
            to[l - 1] = (layout.preOffset(l) + layout.architecture().width(l)) * batch;
            total += to[l - 1] - from[l - 1];
        }
        active = new boolean[total];
        int k = 0;
        for (int l = 0; l < hidden; l++) {
            for (int i = from[l]; i < to[l]; i++) {
                active[k++] = state[i] >= 0;
            }
        }
    }

    /** Compares the signs with the last call's; records {@code step} and returns true if any flipped. */
    boolean update(double[] state, int step) {
        boolean switched = false;
        int k = 0;
        for (int l = 0; l < from.length; l++) {
            for (int i = from[l]; i < to[l]; i++, k++) {
                boolean now = state[i] >= 0;
                if (now != active[k]) {
                    active[k] = now;
                    switched = true;
                }
            }
        }
        if (switched) {
            if (count == steps.length) {
                steps = Arrays.copyOf(steps, 2 * count);
            }
            steps[count++] = step;
        }
        return switched;
    }

    /** Adds each sample's current pattern to {@code patterns}, up to {@link Diffusion#MAX_PATTERNS}. */
    void recordPatterns(SheafState state, Set<ActivationPattern> patterns) {
        for (int s = 0; s < batch && patterns.size() < Diffusion.MAX_PATTERNS; s++) {
            patterns.add(ActivationPattern.of(state, s));
        }
    }

    /** The switch steps so far. */
    int[] steps() {
        return Arrays.copyOf(steps, count);
    }
}
