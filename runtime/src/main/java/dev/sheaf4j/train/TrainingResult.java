package dev.sheaf4j.train;

import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafState;

/**
 * The outcome of training.
 *
 * @param network the trained network (the last good one if training diverged)
 * @param trainLoss forward-pass training loss before training ({@code [0]}) and after each epoch run
 * @param testLoss the same on the test data (NaN without it)
 * @param epochs epochs completed
 * @param seconds wall-clock time of the training steps and evaluations
 * @param diverged whether training stopped because the state or weights blew up
 * @param stopReason how training ended, in words
 * @param stalks the training stalks at the end, one sample per training example (after a divergence, the
 *     forward pass of the weights kept)
 */
public record TrainingResult(Network network, double[] trainLoss, double[] testLoss, int epochs, double seconds,
        boolean diverged, String stopReason, SheafState stalks) {
    /** The last training loss. */
    public double finalTrainLoss() {
        return trainLoss[trainLoss.length - 1];
    }

    /** The last test loss. */
    public double finalTestLoss() {
        return testLoss[testLoss.length - 1];
    }
}
