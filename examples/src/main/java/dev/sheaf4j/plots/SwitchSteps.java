package dev.sheaf4j.plots;

import java.util.Arrays;
import java.util.Locale;

/**
 * A run's activation-switch steps as one short line, to follow a label such as {@code "switches: "}:
 * all of them when few, else a count with the ends.
 */
public final class SwitchSteps {
    /** Up to this many steps are listed in full. */
    public static final int LISTED = 10;

    private SwitchSteps() {
    }

    /**
     * {@code none}, the steps in brackets when at most {@link #LISTED}, or the count, the range and
     * the first and last five.
     */
    public static String summary(int[] steps) {
        if (steps.length == 0) {
            return "none";
        }
        if (steps.length <= LISTED) {
            return Arrays.toString(steps);
        }
        int n = steps.length;
        int ends = LISTED / 2;
        return String.format(Locale.ROOT, "%d, from step %d to %d; first %s, last %s", n, steps[0],
                steps[n - 1], Arrays.toString(Arrays.copyOf(steps, ends)),
                Arrays.toString(Arrays.copyOfRange(steps, n - ends, n)));
    }
}
