package dev.sheaf4j.diagnose;

import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.DiffusionResult;
import java.util.Arrays;
import java.util.Objects;

/**
 * A diffusion's measured convergence against the theory: the decay rate of {@code log E} fitted by
 * least squares over the tail of the run (after the last activation switch and the first half of
 * the steps, while the energy is still well above rounding), next to
 * {@code 2 alpha lambda_min} of the final pattern and {@code 2 alpha lambda_*}, {@code lambda_*} the
 * smallest gap over the patterns met, with the steps where the pattern switched. The fitted rate
 * reaches {@code 2 alpha lambda_min} only once the slowest mode dominates the error: a start with
 * little weight on it decays faster for a long time, though never slower than the guaranteed rate.
 *
 * @param fittedRate the slope of {@code -log E} against time {@code t = step dt}
 * @param predictedFinal {@code 2 alpha lambda_min} at the last pattern met
 * @param predictedEuler the same rate for the Euler scheme actually run,
 *     {@code -2 log(1 - alpha dt lambda_min) / dt}, which tends to {@code 2 alpha lambda_min} as
 *     {@code dt -> 0}
 * @param predictedBound {@code 2 alpha lambda_*}, the rate the theory guarantees
 * @param switchSteps the steps after which some pre-activation changed sign
 * @param fittedSteps how many steps the fit used
 */
public record ConvergenceCheck(double fittedRate, double predictedFinal, double predictedEuler, double predictedBound,
        int[] switchSteps, int fittedSteps) {
    /** Energies below this fraction of the first are left out of the fit: rounding dominates there. */
    public static final double FLOOR = 1e-20;

    /**
     * The check of {@code run}, a diffusion of one sample of {@code network} with an energy trace,
     * integrated with rate {@code alpha} and step {@code dt}.
     *
     * @throws IllegalArgumentException if the run recorded no energy trace
     */
    public static ConvergenceCheck of(Network network, DiffusionResult run, double alpha, double dt) {
        double[] energy = run.energyTrace();
        if (energy.length < 3) {
            throw new IllegalArgumentException("the diffusion recorded no energy trace; run it with withEnergyTrace(true)");
        }
        int last = energy.length - 1;
        while (last > 1 && !(energy[last] > FLOOR * energy[0])) {
            last--;
        }
        int[] switches = run.switchSteps();
        int from = Math.max(last / 2, switches.length == 0 ? 0 : Math.min(switches[switches.length - 1], last - 2));
        double sumT = 0;
        double sumY = 0;
        double sumTT = 0;
        double sumTY = 0;
        int count = last - from + 1;
        for (int k = from; k <= last; k++) {
            double t = k * dt;
            double y = Math.log(energy[k]);
            sumT += t;
            sumY += y;
            sumTT += t * t;
            sumTY += t * y;
        }
        double slope = (count * sumTY - sumT * sumY) / (count * sumTT - sumT * sumT);
        double star = Double.POSITIVE_INFINITY;
        for (ActivationPattern p : run.patternsMet()) {
            star = Math.min(star, Spectrum.of(new Coboundary(network, p)).lambdaMin());
        }
        double finalGap = Spectrum.of(new Coboundary(network, ActivationPattern.of(run.state(), 0))).lambdaMin();
        return new ConvergenceCheck(-slope, 2 * alpha * finalGap, -2 * Math.log(1 - alpha * dt * finalGap) / dt,
                2 * alpha * star, switches, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvergenceCheck other && Double.compare(fittedRate, other.fittedRate) == 0
                && Double.compare(predictedFinal, other.predictedFinal) == 0
                && Double.compare(predictedEuler, other.predictedEuler) == 0
                && Double.compare(predictedBound, other.predictedBound) == 0
                && Arrays.equals(switchSteps, other.switchSteps) && fittedSteps == other.fittedSteps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fittedRate, predictedFinal, predictedEuler, predictedBound, Arrays.hashCode(switchSteps),
                fittedSteps);
    }

    @Override
    public String toString() {
        return "ConvergenceCheck[fittedRate=" + fittedRate + ", predictedFinal=" + predictedFinal + ", predictedEuler="
                + predictedEuler + ", predictedBound=" + predictedBound + ", switchSteps=" + Brief.of(switchSteps)
                + ", fittedSteps=" + fittedSteps + "]";
    }
}
