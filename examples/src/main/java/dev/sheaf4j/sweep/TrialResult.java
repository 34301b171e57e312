package dev.sheaf4j.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one trial gave. The final losses and accuracies of a trial that diverged or failed are
 * {@code null}, as is the accuracy of a regression and any loss that is not finite, so that every
 * row is strict JSON.
 *
 * @param settings the trial's settings
 * @param finalTrainLoss the last training loss
 * @param finalTestLoss the last test loss
 * @param trainAccuracy the trained network's accuracy on the training data, for classifiers
 * @param testAccuracy the same on the test data
 * @param epochs epochs completed (for gradient descent, weight steps)
 * @param diverged whether the state or the weights blew up
 * @param error why the trial failed, or null
 * @param seconds wall-clock time of the trial, data, rate search and evaluation included
 * @param trainLoss the training loss before training and after each epoch (for gradient descent, at about 100
 *     evenly spaced steps)
 * @param testLoss the same on the test data
 * @param weightSteps weight updates taken
 * @param curveSteps the weight updates taken at each point of the loss curves
 * @param trainingSeconds wall-clock time of the training alone (no rate search, data or evaluation)
 */
public record TrialResult(TrialSettings settings, Double finalTrainLoss, Double finalTestLoss, Double trainAccuracy,
        Double testAccuracy, int epochs, boolean diverged, String error, double seconds, List<Double> trainLoss,
        List<Double> testLoss, long weightSteps, List<Long> curveSteps, double trainingSeconds)
        implements Serializable {
    private static final long serialVersionUID = 2;

    /** Whether the trial ran to its end without diverging or failing. */
    public boolean completed() {
        return !diverged && error == null;
    }

    /** This result with both its times set to 0: what two runs of the same trial agree on. */
    public TrialResult withoutSeconds() {
        return new TrialResult(settings, finalTrainLoss, finalTestLoss, trainAccuracy, testAccuracy, epochs, diverged,
                error, 0, trainLoss, testLoss, weightSteps, curveSteps, 0);
    }

    /** A failed trial's row. */
    static TrialResult failed(TrialSettings settings, String error, double seconds) {
        return new TrialResult(settings, null, null, null, null, 0, false, error, seconds, List.of(), List.of(), 0,
                List.of(), 0);
    }

    /** {@code value}, or null when it is not finite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The finite values of {@code values}, the others null. */
    static List<Double> finite(double[] values) {
        return Arrays.stream(values).mapToObj(TrialResult::finite).collect(Collectors.toCollection(ArrayList::new));
    }
}
