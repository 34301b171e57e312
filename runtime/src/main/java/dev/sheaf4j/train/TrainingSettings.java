package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;
import java.util.Objects;

/**
 * Settings of sheaf training (spec section 5): stalk rate {@code alpha}, weight rate {@code beta}
 * (NaN for the default {@code 1 / n_train}), step {@code dt}, epochs of {@code stepsPerEpoch} joint
 * steps, whether stalks are kept between epochs (warm start) or re-initialised, how they are
 * initialised, and the seed of random initialisation.
 */
public record TrainingSettings(double alpha, double beta, double dt, int epochs, int stepsPerEpoch, boolean warmStart,
        StalkInit init, long seed) {
    public TrainingSettings {
        Require.positive(alpha, "alpha");
        if (!Double.isNaN(beta)) {
            Require.positive(beta, "beta");
        }
        Require.positive(dt, "dt");
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        Require.atLeastOne(stepsPerEpoch, "steps per epoch");
        Objects.requireNonNull(init, "stalk initialisation");
    }

    /** {@code alpha = 1}, {@code beta = 1/n_train}, {@code dt = 0.005}, 100 epochs of 1,000 steps, forward-pass re-initialisation each epoch. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1.0, Double.NaN, 0.005, 100, 1000, false, StalkInit.FORWARD_PASS, 0);
    }

    /** {@code beta}, resolved against the number of training samples. */
    public double betaFor(int trainingSamples) {
        return Double.isNaN(beta) ? 1.0 / trainingSamples : beta;
    }

    /** These settings with another {@code alpha}. */
    public TrainingSettings withAlpha(double value) {
        return new TrainingSettings(value, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed);
    }

    /** These settings with another {@code beta} (NaN for {@code 1 / n_train}). */
    public TrainingSettings withBeta(double value) {
        return new TrainingSettings(alpha, value, dt, epochs, stepsPerEpoch, warmStart, init, seed);
    }

    /** These settings with another {@code dt}. */
    public TrainingSettings withDt(double value) {
        return new TrainingSettings(alpha, beta, value, epochs, stepsPerEpoch, warmStart, init, seed);
    }

    /** These settings with another number of epochs and steps per epoch. */
    public TrainingSettings withSchedule(int epochCount, int steps) {
        return new TrainingSettings(alpha, beta, dt, epochCount, steps, warmStart, init, seed);
    }

    /** These settings keeping the stalks between epochs, or re-initialising them. */
    public TrainingSettings withWarmStart(boolean value) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, value, init, seed);
    }

    /** These settings with another initialisation and seed. */
    public TrainingSettings withInit(StalkInit value, long seedValue) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, value, seedValue);
    }
}
