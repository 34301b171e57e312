package dev.sheaf4j.train;

import dev.sheaf4j.annotation.OutputActivation;

/**
 * The loss that goes with each output map: mean squared error over all elements for the identity;
 * binary cross-entropy (mean over all elements) for the sigmoid; categorical cross-entropy (mean over
 * samples) for the softmax; probabilities clamped to {@code [1e-12, 1 - 1e-12]}. Outputs and targets
 * are in {@code (dimension, sample)} layout.
 */
public final class Loss {
    /** Probabilities are clamped to {@code [EPSILON, 1 - EPSILON]} inside logarithms. */
    public static final double EPSILON = 1e-12;

    private Loss() {
    }

    /** The loss of predictions {@code yHat} (after the output map) against {@code y}, {@code n} samples. */
    public static double of(OutputActivation head, double[] yHat, double[] y, int outputs, int n) {
        double sum = 0;
        switch (head) {
            case IDENTITY -> {
                for (int i = 0; i < outputs * n; i++) {
                    double d = yHat[i] - y[i];
                    sum += d * d;
                }
                return sum / (outputs * n);
            }
            case SIGMOID -> {
                for (int i = 0; i < outputs * n; i++) {
                    double p = clamp(yHat[i]);
                    sum -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
                }
                return sum / (outputs * n);
            }
            case SOFTMAX -> {
                for (int i = 0; i < outputs * n; i++) {
                    sum -= y[i] * Math.log(clamp(yHat[i]));
                }
                return sum / n;
            }
            default -> throw new IllegalStateException("unknown output activation " + head);
        }
    }

    /**
     * Writes the gradient of the loss with respect to the last pre-activation {@code z_(k+1)} into
     * {@code out}: {@code 2 (yHat - y) / (outputs n)} for the squared error, {@code (p - y) / (outputs n)}
     * for the binary and {@code (p - y) / n} for the categorical cross-entropy.
     */
    public static void gradient(OutputActivation head, double[] yHat, double[] y, int outputs, int n, double[] out,
            int outFrom) {
        double scale = switch (head) {
            case IDENTITY -> 2.0 / (outputs * n);
            case SIGMOID -> 1.0 / (outputs * n);
            case SOFTMAX -> 1.0 / n;
        };
        for (int i = 0; i < outputs * n; i++) {
            out[outFrom + i] = scale * (yHat[i] - y[i]);
        }
    }

    /** The share of samples whose largest output (or, for one sigmoid output, whose side of 0.5) matches the target's. */
    public static double accuracy(double[] yHat, double[] y, int outputs, int n) {
        int correct = 0;
        for (int s = 0; s < n; s++) {
            if (outputs == 1) {
                correct += (yHat[s] >= 0.5) == (y[s] >= 0.5) ? 1 : 0;
            } else {
                correct += argmax(yHat, s, outputs, n) == argmax(y, s, outputs, n) ? 1 : 0;
            }
        }
        return (double) correct / n;
    }

    private static int argmax(double[] v, int s, int outputs, int n) {
        int best = 0;
        for (int i = 1; i < outputs; i++) {
            if (v[i * n + s] > v[best * n + s]) {
                best = i;
            }
        }
        return best;
    }

    private static double clamp(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }
}
