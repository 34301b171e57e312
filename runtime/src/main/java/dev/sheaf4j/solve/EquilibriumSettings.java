package dev.sheaf4j.solve;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.OutputEdgeMode;
import java.util.Objects;

/**
 * Settings of the exact pinned-equilibrium solver: the stationarity tolerance (on the largest
 * gradient component, relative to {@code 1 + max |v|}), the iteration limit, the output-edge mode
 * for a pinned classifier output, whether samples are solved in parallel, and whether the start is
 * warm: an equilibrium before a small change, from which Newton steps go straight to the new one
 * (a cold start first follows the path diffusion would take across activation patterns).
 */
public record EquilibriumSettings(double tolerance, int maxIterations, OutputEdgeMode mode, boolean parallel,
        boolean warmStart) {
    public EquilibriumSettings {
        Require.positive(tolerance, "tolerance");
        Require.atLeastOne(maxIterations, "maxIterations");
        Objects.requireNonNull(mode, "output edge mode");
    }

    /** Tolerance {@code 1e-10}, at most 500 iterations, Jacobian mode, parallel over samples, cold start. */
    public static EquilibriumSettings defaults() {
        return new EquilibriumSettings(1e-10, 500, OutputEdgeMode.JACOBIAN, true, false);
    }

    /** These settings with another tolerance. */
    public EquilibriumSettings withTolerance(double value) {
        return new EquilibriumSettings(value, maxIterations, mode, parallel, warmStart);
    }

    /** These settings with another iteration limit. */
    public EquilibriumSettings withMaxIterations(int value) {
        return new EquilibriumSettings(tolerance, value, mode, parallel, warmStart);
    }

    /** These settings with another output-edge mode. */
    public EquilibriumSettings withMode(OutputEdgeMode value) {
        return new EquilibriumSettings(tolerance, maxIterations, value, parallel, warmStart);
    }

    /** These settings, solving samples in parallel or not. */
    public EquilibriumSettings withParallel(boolean value) {
        return new EquilibriumSettings(tolerance, maxIterations, mode, value, warmStart);
    }

    /** These settings, starting warm (Newton steps from the first) or cold. */
    public EquilibriumSettings withWarmStart(boolean value) {
        return new EquilibriumSettings(tolerance, maxIterations, mode, parallel, value);
    }
}
