package dev.sheaf4j.cli;

import dev.sheaf4j.train.JointSchedule;
import picocli.CommandLine.Option;

/**
 * The time step and the schedule of the joint dynamics (the sheaf method), shared by {@code train}
 * and {@code compare}.
 */
final class JointOptions {
    @Option(names = "--dt", description = "Time step of sheaf and equilibrium training (default 0.005 with one hidden"
            + " layer, 0.01 with two).")
    Double dt;

    @Option(names = "--joint-stalk-steps", defaultValue = "1", description = "Joint dynamics (sheaf): stalk steps per"
            + " weight step, all but the last moving the stalks alone (default ${DEFAULT-VALUE}, the paper's).")
    int stalkSteps;

    @Option(names = "--joint-forward-pass", description = "Joint dynamics (sheaf): restart each batch's stalks from"
            + " the forward pass before every weight step.")
    boolean forwardPass;

    @Option(names = "--joint-layer-rates", description = "Joint dynamics (sheaf): divide each layer's weight rate by"
            + " 1 + the mean squared length of its input.")
    boolean layerRates;

    /** Checks these options. */
    void check(OptionChecks checks) {
        checks.positive("--dt", dt).positive("--joint-stalk-steps", stalkSteps);
    }

    /** The schedule of these options. */
    JointSchedule schedule() {
        return new JointSchedule(stalkSteps, forwardPass, layerRates);
    }
}
