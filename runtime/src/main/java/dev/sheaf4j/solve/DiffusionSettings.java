package dev.sheaf4j.solve;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.OutputEdgeMode;
import java.util.Objects;

/**
 * Settings of a heat-equation run: rate {@code alpha}, Euler step {@code dt}, the stop tolerance on
 * the largest change of a free coordinate in one step, the step limit, the output-edge mode, and
 * whether to record the energy after every step. Immutable; start from {@link #defaults()}.
 */
public record DiffusionSettings(double alpha, double dt, double tolerance, int maxSteps, OutputEdgeMode mode,
        boolean recordEnergy) {
    /** Steps always taken before the stop rule may end a run. */
    public static final int MIN_STEPS = 5;

    public DiffusionSettings {
        Require.positive(alpha, "alpha");
        Require.positive(dt, "dt");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got " + tolerance);
        }
        Require.atLeastOne(maxSteps, "maxSteps");
        Objects.requireNonNull(mode, "output edge mode");
    }

    /** {@code alpha = 1}, {@code dt = 0.01}, tolerance {@code 1e-12}, at most 1,000,000 steps, Jacobian mode, no energy trace. */
    public static DiffusionSettings defaults() {
        return new DiffusionSettings(1.0, 0.01, 1e-12, 1_000_000, OutputEdgeMode.JACOBIAN, false);
    }

    /** These settings with another {@code alpha}. */
    public DiffusionSettings withAlpha(double value) {
        return new DiffusionSettings(value, dt, tolerance, maxSteps, mode, recordEnergy);
    }

    /** These settings with another {@code dt}. */
    public DiffusionSettings withDt(double value) {
        return new DiffusionSettings(alpha, value, tolerance, maxSteps, mode, recordEnergy);
    }

    /** These settings with another stop tolerance. */
    public DiffusionSettings withTolerance(double value) {
        return new DiffusionSettings(alpha, dt, value, maxSteps, mode, recordEnergy);
    }

    /** These settings with another step limit. */
    public DiffusionSettings withMaxSteps(int value) {
        return new DiffusionSettings(alpha, dt, tolerance, value, mode, recordEnergy);
    }

    /** These settings with another output-edge mode. */
    public DiffusionSettings withMode(OutputEdgeMode value) {
        return new DiffusionSettings(alpha, dt, tolerance, maxSteps, value, recordEnergy);
    }

    /** These settings, recording the energy after every step or not. */
    public DiffusionSettings withEnergyTrace(boolean value) {
        return new DiffusionSettings(alpha, dt, tolerance, maxSteps, mode, value);
    }
}
