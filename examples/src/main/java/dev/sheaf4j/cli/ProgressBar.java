package dev.sheaf4j.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar redrawn in place on standard error. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final boolean enabled;

    ProgressBar(PrintStream out, String label, boolean enabled) {
        this.out = out;
        this.label = label;
        this.enabled = enabled;
    }

    /** Draws {@code done} of {@code total}, followed by {@code status}. */
    void update(int done, int total, String status) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        out.printf(Locale.ROOT, "\r%-12s [%s%s] %d/%d %s   ", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, status);
        out.flush();
    }

    /** Erases the bar, so that a line of standard output can be printed where it stood; the next update redraws it. */
    void clear() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (enabled) {
            out.println();
        }
    }
}
