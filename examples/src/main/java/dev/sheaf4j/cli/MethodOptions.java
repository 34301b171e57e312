package dev.sheaf4j.cli;

import dev.sheaf4j.sweep.MethodRun;
import picocli.CommandLine.Option;

/**
 * The options of the training methods' own: gradient descent's learning rate and the nudged
 * method's settings, shared by {@code train} and {@code compare}.
 */
final class MethodOptions {
    @Option(names = "--sgd-rate", description = "Gradient-descent learning rate (default: the one of 0.003, 0.01, ...,"
            + " 3 with the least loss on a fifth of the training set held out, after as many weight steps).")
    Double sgdRate;

    @Option(names = "--nudge", description = "Nudge strength of the nudged method: the weight of the loss added to"
            + " the energy (default 0.01).")
    Double nudge;

    @Option(names = "--nudge-symmetric", description = "Nudged method: contrast the nudges towards and away from the"
            + " target instead of the nudged and the free equilibrium.")
    boolean nudgeSymmetric;

    @Option(names = "--nudge-rate", description = "Learning rate of the nudged method (default: chosen on a held-out"
            + " fifth of the training set, as for sgd).")
    Double nudgeRate;

    @Option(names = "--momentum", description = "Momentum of the weight steps of sgd and the nudged method (both, so"
            + " that they compare fairly), in [0, 1) (default 0).")
    Double momentum;

    @Option(names = "--layer-rates", description = "Nudged method: divide each layer's rate by 1 + the mean squared"
            + " length of its input.")
    boolean layerRates;

    @Option(names = "--rate-decay", description = "sgd and the nudged method: the rate falls as rate / (1 + t / N) at"
            + " weight step t (default 0: constant).")
    Integer rateDecay;

    /** Checks these options. */
    void check(OptionChecks checks) {
        checks.positive("--sgd-rate", sgdRate).positive("--nudge", nudge).positive("--nudge-rate", nudgeRate)
                .positive("--rate-decay", rateDecay)
                .require(momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got "
                        + momentum);
    }

    /** Whether the weight steps take neither momentum nor a rate schedule. */
    boolean plainSteps() {
        return (momentum == null || momentum == 0) && (rateDecay == null || rateDecay == 0);
    }

    /** The options as {@link MethodRun} takes them. */
    MethodRun.Options options() {
        return new MethodRun.Options(sgdRate, nudge, nudgeSymmetric, nudgeRate, momentum, layerRates, rateDecay);
    }
}
