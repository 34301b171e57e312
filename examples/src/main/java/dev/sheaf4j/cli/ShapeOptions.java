package dev.sheaf4j.cli;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sweep.CustomArchitecture;
import picocli.CommandLine.Option;

/** {@code --widths} and {@code --skips}: another network for a task, as {@code train} and {@code compare} take it. */
final class ShapeOptions {
    @Option(names = "--widths", split = ",", description = "A custom ReLU architecture for the task, e.g. 2,10,8,6,1"
            + " (run by the generic kernel).")
    int[] widths;

    @Option(names = "--skips", description = "Skip connections, e.g. 1-3,0-2p: a_1 added to z_3, and x to z_2 through a"
            + " learned projection (run by the generic kernel).")
    String skips;

    /** Whether either option was given. */
    boolean given() {
        return widths != null || skips != null;
    }

    /** The widths as a sweep's settings take them, or null. */
    String widthsText() {
        return CustomArchitecture.text(widths);
    }

    /**
     * {@code declared}, the task's network, shaped by the options (see {@link CustomArchitecture}); a
     * usage error naming the option if they do not fit.
     */
    Architecture shape(OptionChecks checks, Architecture declared, String task) {
        return checks.build(widths != null ? "--widths" : "--skips",
                () -> CustomArchitecture.of(declared, task, widths, skips));
    }
}
