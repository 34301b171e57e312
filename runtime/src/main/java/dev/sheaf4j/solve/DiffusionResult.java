package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.SheafState;
import java.util.List;

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
}
