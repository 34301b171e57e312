package dev.sheaf4j.train;

import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

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

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingResult other && network.equals(other.network)
                && Arrays.equals(trainLoss, other.trainLoss) && Arrays.equals(testLoss, other.testLoss)
                && epochs == other.epochs && Double.compare(seconds, other.seconds) == 0 && diverged == other.diverged
                && Objects.equals(stopReason, other.stopReason) && stalks.equals(other.stalks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, Arrays.hashCode(trainLoss), Arrays.hashCode(testLoss), epochs, seconds, diverged,
                stopReason, stalks);
    }

    /** A summary: the losses before and after, how training ended, the network and the stalks in brief. */
    @Override
    public String toString() {
        String test = Double.isNaN(finalTestLoss()) ? "" : ", test loss " + testLoss[0] + " -> " + finalTestLoss();
        return String.format(Locale.ROOT, "TrainingResult[%d epochs in %.3f s, train loss %s -> %s%s, %s, %s, "
                + "stalks of %d samples]", epochs, seconds, trainLoss[0], finalTrainLoss(), test, stopReason, network,
                stalks.batch());
    }
}
