package dev.sheaf4j.solve;

import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.SheafState;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a heat-equation run.
 *
 * @param state the final state
 * @param iterations Euler steps taken
 * @param converged whether the stop rule ended the run (rather than the step limit)
 * @param lastChange the largest change of a free coordinate in the last step
 * @param energyTrace energy before the first step and after each step, if recorded (else empty)
 * @param switchSteps the steps after which some hidden pre-activation changed sign
 * @param patternsMet the distinct per-sample activation patterns seen at the start and after each
 *     switch, in order of first appearance (at most {@link Diffusion#MAX_PATTERNS})
 */
public record DiffusionResult(SheafState state, int iterations, boolean converged, double lastChange,
        double[] energyTrace, int[] switchSteps, List<ActivationPattern> patternsMet) {
    @Override
    public boolean equals(Object o) {
        return o instanceof DiffusionResult other && state.equals(other.state) && iterations == other.iterations
                && converged == other.converged && Double.compare(lastChange, other.lastChange) == 0
                && Arrays.equals(energyTrace, other.energyTrace) && Arrays.equals(switchSteps, other.switchSteps)
                && patternsMet.equals(other.patternsMet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, iterations, converged, lastChange, Arrays.hashCode(energyTrace),
                Arrays.hashCode(switchSteps), patternsMet);
    }

    /** A summary: the traces shortened, the patterns counted. */
    @Override
    public String toString() {
        return "DiffusionResult[" + iterations + " steps, converged=" + converged + ", lastChange=" + lastChange
                + ", energyTrace=" + Brief.of(energyTrace) + ", switchSteps=" + Brief.of(switchSteps) + ", "
                + patternsMet.size() + " patterns met, state=" + state + "]";
    }
}
