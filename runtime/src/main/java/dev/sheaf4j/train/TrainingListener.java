package dev.sheaf4j.train;

import dev.sheaf4j.network.Network;

/** Hears about each finished epoch of training, and may stop it (early stopping). */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that never stops training. */
    TrainingListener NONE = report -> true;

    /**
     * Called after each epoch; return false to stop training there.
     *
     * @param report the epoch's number (from 1), forward-pass losses and elapsed time
     */
    boolean epochFinished(EpochReport report);

    /** One epoch's figures and the network after it; {@code testLoss} is NaN without test data. */
    record EpochReport(int epoch, int epochs, double trainLoss, double testLoss, double seconds, Network network) {
    }
}
