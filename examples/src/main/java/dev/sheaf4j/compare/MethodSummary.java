package dev.sheaf4j.compare;

import java.util.List;

/**
 * One method's row of a comparison: its means over the seeds whose trials completed. Every field a
 * method cannot give (all its trials diverged, a spread of one seed, accuracy of a regression) is
 * {@code null}, so that the row is strict JSON.
 *
 * @param method the method's name
 * @param backprop whether it computes gradients by a backward pass
 * @param weightSteps the weight updates of the budget
 * @param testLoss the mean final test loss
 * @param testLossSd its sample standard deviation over the seeds
 * @param testAccuracy the mean test accuracy, for classifiers
 * @param seconds the mean wall time of training (a rate search excluded)
 * @param testLossRatio the test loss divided by tuned gradient descent's (above 1: the method loses)
 * @param secondsRatio the seconds divided by tuned gradient descent's
 * @param testLossAtSgdSeconds the mean test loss at equal wall time: each trial's loss curve read at the
 *     last point it had reached after tuned gradient descent's mean seconds (its final loss if it was faster)
 * @param trials the trials run, one per seed
 * @param diverged the trials that diverged
 * @param failed the trials that failed, with their errors in {@code errors}
 * @param initialTestLoss the test loss of the initial weights, per seed in the order of the seeds
 * @param errors why trials failed
 */
public record MethodSummary(String method, boolean backprop, long weightSteps, Double testLoss, Double testLossSd,
        Double testAccuracy, Double seconds, Double testLossRatio, Double secondsRatio, Double testLossAtSgdSeconds,
        int trials, int diverged, int failed, List<Double> initialTestLoss, List<String> errors) {

    /** How the method compares with tuned gradient descent, in a word or two; empty for gradient descent itself. */
    public String verdict() {
        if (testLoss == null) {
            return diverged > 0 ? "diverged" : "failed";
        }
        if (method.equals("sgd") || testLossRatio == null) {
            return "";
        }
        return testLossRatio > 1 ? "loses" : testLossRatio < 1 ? "wins" : "ties";
    }
}
