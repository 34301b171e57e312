package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The exact pinned equilibrium: for each sample, the stationary point of the energy over the free
 * coordinates that the heat equation would settle into, found without integrating it.
 *
 * <p>The energy is piecewise quadratic in the stalks: quadratic for each activation pattern. Each
 * iteration solves the Newton system of the current pattern by block-tridiagonal elimination
 * ({@code BlockSystem}: diagonal blocks by reciprocals, an activation block before a much narrower
 * layer by its low-rank capacitance matrix, the rest by Cholesky), or for a residual network, whose
 * skips break that structure, by one Cholesky factorisation of the system assembled on the
 * coordinates solved for ({@code AssembledSystem}); when that step would leave the
 * pattern, it takes instead an implicit Euler step of the heat equation (the same system with a
 * diagonal shift, halved while the steps stay inside their patterns, so the implicit steps double in
 * length), so that the iterates cross from pattern to pattern where diffusion would and settle in
 * the same basin. It moves along the step to the best of the points where a hidden pre-activation
 * crosses zero and the full step, by exact evaluation of the energy, so the energy never increases.
 * A pre-activation whose Newton steps point back and forth across zero is held at the kink {@code z =
 * 0} and released when its one-sided derivatives say so. The result is
 * certified when the largest gradient component over the free coordinates, and at every kink the
 * distance of 0 from the one-sided derivatives, fall below the tolerance.
 *
 * <p>Outputs: an identity head is part of the quadratic problem; a sigmoid or softmax output whose
 * {@code a_out} is not pinned always equals {@code phi(z_(k+1))} at equilibrium and is eliminated; an
 * {@code a_out} hard-pinned as a whole adds a smooth convex term, the cross-entropy potential in
 * identity mode or the squared output edge (solved by Gauss-Newton steps) in Jacobian mode.
 *
 * <p>Parts: {@code OutputTreatment} and {@code OutputTerm} (the output edge), {@code PinnedEnergy}
 * (the energy and its gradient), {@code KinkSet} (the pattern and the kinks), {@code NewtonStep} on
 * a {@code PatternSystem} (the step), {@code LineSearch} (the move) and {@code SampleSolve} (the loop);
 * {@code PinnedWeights} holds what is computed once per weights for every sample. With the input
 * pinned, {@code InputProducts} computes {@code W_1 x} of the whole batch at once for {@code
 * WeightEdges} and {@code PinnedInput}.
 *
 * <p>A warm start ({@link EquilibriumSettings#warmStart()}), for a state that was the equilibrium
 * before a small change of the weights or pins, takes Newton steps from the first iteration: usually
 * one when the pattern holds.
 */
public final class PinnedEquilibrium {
    /** Runs of consecutive samples per core, each solved by one {@code SampleSolve}, in parallel solves. */
    private static final int CHUNKS_PER_CORE = 4;

    private PinnedEquilibrium() {
    }

    /**
     * Solves each sample of {@code initial} (not modified) for its pinned equilibrium, starting there.
     *
     * @throws IllegalArgumentException for states of another architecture, non-finite values, bad or
     *     contradictory pins, a fully pinned network, pins the exact solver does not support (part of
     *     a classifier's {@code a_out}, or soft pins on it), or a singular pinned problem (a free
     *     input without a soft pin, say)
     * @throws dev.sheaf4j.sheaf.NonFiniteException if a sample's equilibrium or its energy is not finite (the
     *     state or the weights too large for double precision), naming the vertex or edge and the sample
     */
    public static EquilibriumResult solve(SheafKernel kernel, Network network, SheafState initial, Pins pins,
            EquilibriumSettings settings) {
        PinnedStart start = PinnedStart.of(kernel, network, initial, pins);
        PinSet pinSet = start.pins();
        OutputTreatment treatment = OutputTreatment.of(kernel.layout(), pinSet, settings.mode());
        SheafState result = start.state();
        PinnedWeights weights = new PinnedWeights(kernel, network);
        boolean inputFree = IntStream.range(0, network.architecture().inputs()).anyMatch(i -> !pinSet.isFixed(i));
        if (inputFree) {
            weights.system().prepareInput();
        }
        InputProducts products = inputFree ? null
                : new InputProducts(network.architecture(), weights.params(), result.values(), result.batch());
        int batch = result.batch();
        Certificate[] certificates = new Certificate[batch];
        int chunks = settings.parallel() ? Math.min(batch, CHUNKS_PER_CORE * Runtime.getRuntime().availableProcessors())
                : 1;
        IntStream parts = IntStream.range(0, chunks);
        (settings.parallel() ? parts.parallel() : parts).forEach(c -> {
            SampleSolve solver = null;
            for (int s = c * batch / chunks; s < (c + 1) * batch / chunks; s++) {
                double[] product = products == null ? null : products.of(s);
                if (solver == null) {
                    solver = new SampleSolve(weights, pinSet, s, product, treatment, settings);
                } else {
                    solver.sample(s, product);
                }
                double[] v = result.sample(s);
                certificates[s] = solver.solve(v);
                result.setSample(s, v);
            }
        });
        requireFinite(kernel, weights.params(), result, certificates);
        return new EquilibriumResult(result, List.of(certificates));
    }

    /** Refuses equilibria whose state or energy is not finite: they cannot be certified. */
    private static void requireFinite(SheafKernel kernel, double[] params, SheafState result,
            Certificate[] certificates) {
        SheafLayout layout = result.layout();
        int batch = result.batch();
        FiniteCheck.state("the pinned equilibrium", layout, result.values(), batch,
                "the state or the weights are too large for double precision");
        for (Certificate certificate : certificates) {
            if (!Double.isFinite(certificate.energy())) {
                double[] d = new double[layout.discrepancySize() * batch];
                kernel.discrepancies(params, result.values(), batch, d);
                FiniteCheck.energy("the energy of the pinned equilibrium", certificate.energy(), layout, d, batch);
            }
        }
    }
}
