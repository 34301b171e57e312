package dev.sheaf4j.solve;

import dev.sheaf4j.internal.DoubleTrace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The iteration of one sample's exact solve: steps of the current pattern until the gradient over
 * the free coordinates and the violations at the kinks fall below the tolerance. A cold start takes
 * implicit Euler steps wherever the Newton step would leave its pattern, the shift halved after each
 * that stays inside, so the iterates cross patterns where diffusion would; a warm start takes
 * Newton steps from the first, holding the pre-activations it starts at 0 at their kinks. Not
 * thread-safe: one per thread, moved from sample to sample by {@link #sample}.
 */
final class SampleSolve {
    private final EquilibriumSettings settings;
    private final boolean[] solved;
    private final OutputTerm output;
    private final PinnedEnergy energy;
    private final KinkSet kinks;
    private final NewtonStep newton;
    private final LineSearch lineSearch;
    private final WeightEdges weightEdges;
    private final double[] gradient;
    private final double initialShift;
    private double shift;

    /**
     * The solve of {@code sample} under {@code pins} with the shared {@code weights}; {@code
     * inputProduct} is the sample's {@code W_1 x} when every input is pinned, else null.
     */
    SampleSolve(PinnedWeights weights, PinSet pins, int sample, double[] inputProduct, OutputTreatment treatment,
            EquilibriumSettings settings) {
        this.settings = settings;
        SheafLayout layout = weights.layout();
        int size = layout.stateSize();
        solved = new boolean[size];
        gradient = new double[size];
        int end = treatment.solvesOutputVertex() ? size : layout.linearEnd();
        for (int c = 0; c < end; c++) {
            solved[c] = !pins.isFixed(c);
        }
        output = new OutputTerm(treatment, layout, pins, sample);
        energy = inputProduct != null && PinnedInput.pays(layout.architecture())
                ? new PinnedEnergy(weights.pinnedInput(), inputProduct, layout, pins, sample, output)
                : new PinnedEnergy(weights.kernel(), weights.params(), pins, sample, output);
        kinks = new KinkSet(layout, solved);
        newton = new NewtonStep(weights.system().local(), kinks, output, solved, energy.strength());
        weightEdges = new WeightEdges(weights, inputProduct);
        lineSearch = new LineSearch(layout, weightEdges, energy, kinks, output);
        initialShift = settings.warmStart() ? 0 : weights.curvatureBound();
        shift = initialShift;
    }

    /**
     * Makes this the solve of {@code sample} of the same batch, {@code inputProduct} as in the
     * constructor: its targets, input term, kinks and shift afresh, its parts and arrays kept.
     */
    void sample(int sample, double[] inputProduct) {
        output.sample(sample);
        energy.sample(sample, inputProduct);
        weightEdges.input(inputProduct);
        kinks.reset();
        shift = initialShift;
    }

    /** Moves {@code v} to the sample's equilibrium and returns its certificate. */
    Certificate solve(double[] v) {
        output.eliminate(v);
        if (settings.warmStart()) {
            kinks.holdZeros(v);
        }
        DoubleTrace trace = new DoubleTrace();
        double e = energy.of(v);
        trace.add(e);
        int changes = 0;
        double stationarity = Double.POSITIVE_INFINITY;
        String reason = null; // the iteration limit's, written only if it is reached
        boolean certified = false;
        int iteration = 0;
        while (iteration < settings.maxIterations()) {
            double[] g = gradient(v);
            double tolerance = settings.tolerance() * (1 + maxAbs(v));
            double free = freeStationarity(g);
            stationarity = Math.max(free, kinks.stationarity(v, g, free <= tolerance));
            if (stationarity <= tolerance) {
                certified = true;
                reason = "stationary";
                break;
            }
            iteration++;
            if (free <= tolerance) {
                continue; // a kink was released: solve again with it free
            }
            // the Newton step of the current pattern; when it would leave the pattern, a shorter
            // implicit Euler step instead, so the iterates cross patterns where diffusion would
            double[] step = newton.at(v, g, 0);
            boolean shifted = shift > 0 && kinks.crossings(v, step).length > 0;
            if (shifted) {
                step = newton.at(v, g, shift);
            }
            if (!kinks.consistent(v, step)) {
                continue;
            }
            double[] move = lineSearch.along(v, step, g, e);
            if (move == null) {
                reason = "no descent along the Newton direction (stationarity " + stationarity + ")";
                break;
            }
            boolean insidePiece = move[0] == 1.0 && kinks.crossings(v, step).length == 0;
            changes += lineSearch.move(v, step, move[0]);
            if (shifted && insidePiece) {
                // an implicit step that stayed in its pattern lets the next one be twice as long; an
                // eightfold lengthening jumped past the basin diffusion settles in (see the tests)
                shift = shift < 1e-12 * initialShift ? 0 : shift / 2;
            }
            e = move[1];
            trace.add(e);
        }
        if (reason == null) {
            reason = "iteration limit " + settings.maxIterations() + " reached";
        }
        if (!certified && iteration >= settings.maxIterations()) {
            reason = reason + " with stationarity " + stationarity;
        }
        return new Certificate(certified, e, stationarity, iteration, changes, kinks.clampedCount(), trace.toArray(),
                reason);
    }

    /** The gradient of the energy, with each pre-activation at a kink taken on its chosen side; reused. */
    private double[] gradient(double[] v) {
        energy.gradient(v, gradient);
        kinks.takeSides(v, gradient);
        return gradient;
    }

    /** The largest gradient component over the free coordinates not held at a kink. */
    private double freeStationarity(double[] g) {
        double worst = 0;
        boolean anyClamped = kinks.clampedCount() > 0;
        for (int c = 0; c < solved.length; c++) {
            if (solved[c] && !(anyClamped && kinks.isClamped(c))) {
                worst = Math.max(worst, Math.abs(g[c]));
            }
        }
        return worst;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
