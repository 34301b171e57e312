package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;

/**
 * How a gradient method moves the weights along its gradient (or a local estimate of it): the
 * learning {@code rate}, heavy-ball {@code momentum} ({@code v = mu v + g}, {@code w -= rate_t v};
 * 0 for none) and the schedule {@code rate_t = rate / (1 + t / rateDecaySteps)} at weight step
 * {@code t} (0 for a constant rate). Gradient descent and the nudged rule take the same rule, so a
 * comparison of the two can give both the same momentum and schedule.
 */
public record StepRule(double rate, double momentum, int rateDecaySteps) {
    public StepRule {
        Require.positive(rate, "learning rate");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (rateDecaySteps < 0) {
            throw new IllegalArgumentException("rate decay steps must be 0 (constant rate) or positive, got "
                    + rateDecaySteps);
        }
    }

    /** A constant {@code rate} without momentum: plain gradient descent. */
    public static StepRule constant(double rate) {
        return new StepRule(rate, 0.0, 0);
    }

    /** Whether every step is {@code w -= rate g}: no momentum, a constant rate. */
    public boolean plain() {
        return momentum == 0 && rateDecaySteps == 0;
    }

    /** The rate at weight step {@code t} (from 0). */
    double rateAt(long t) {
        return rateDecaySteps == 0 ? rate : rate / (1.0 + (double) t / rateDecaySteps);
    }
}
