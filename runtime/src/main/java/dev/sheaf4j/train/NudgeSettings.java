package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;

/**
 * Settings of nudged-equilibrium training (see {@link SheafTrainer#trainNudged}): the nudge
 * {@code strength} (the weight of the loss added to the sheaf's energy, small), whether the step
 * contrasts the nudge towards the target with the nudge away from it ({@code symmetric}, which
 * removes the estimate's first-order bias in the strength), the learning {@code rate} of the
 * gradient step the local rule estimates, its {@code momentum} (0 for none), whether each layer's
 * rate is divided by {@code 1 + mean |a_(l-1)|^2} of its batch ({@code layerScaled}), and the
 * schedule {@code rate / (1 + t / rateDecaySteps)} at weight step {@code t} (0 for a constant rate).
 */
public record NudgeSettings(double strength, boolean symmetric, double rate, double momentum, boolean layerScaled,
        int rateDecaySteps) {
    public NudgeSettings {
        Require.positive(strength, "nudge strength");
        Require.positive(rate, "nudge rate");
        new StepRule(rate, momentum, rateDecaySteps); // refuses a momentum outside [0, 1), a negative schedule
    }

    /**
     * Strength 0.01, one-sided (contrasted with the free equilibrium), the given rate, no momentum,
     * one rate for all layers, constant.
     */
    public static NudgeSettings of(double rate) {
        return new NudgeSettings(0.01, false, rate, 0.0, false, 0);
    }

    /** These settings with another strength. */
    public NudgeSettings withStrength(double value) {
        return new NudgeSettings(value, symmetric, rate, momentum, layerScaled, rateDecaySteps);
    }

    /** These settings, contrasting the two nudges or taking the step at the nudge towards the target alone. */
    public NudgeSettings withSymmetric(boolean value) {
        return new NudgeSettings(strength, value, rate, momentum, layerScaled, rateDecaySteps);
    }

    /** These settings with another rate. */
    public NudgeSettings withRate(double value) {
        return new NudgeSettings(strength, symmetric, value, momentum, layerScaled, rateDecaySteps);
    }

    /** These settings with another momentum. */
    public NudgeSettings withMomentum(double value) {
        return new NudgeSettings(strength, symmetric, rate, value, layerScaled, rateDecaySteps);
    }

    /** These settings with per-layer rates or one rate. */
    public NudgeSettings withLayerScaled(boolean value) {
        return new NudgeSettings(strength, symmetric, rate, momentum, value, rateDecaySteps);
    }

    /** These settings with another rate schedule (0 for a constant rate). */
    public NudgeSettings withRateDecaySteps(int value) {
        return new NudgeSettings(strength, symmetric, rate, momentum, layerScaled, value);
    }

    /** The weight step of these settings: rate, momentum and schedule. */
    public StepRule step() {
        return new StepRule(rate, momentum, rateDecaySteps);
    }
}
