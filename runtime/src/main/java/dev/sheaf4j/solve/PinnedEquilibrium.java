package dev.sheaf4j.solve;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.OutputMap;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Edge;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The exact pinned equilibrium: for each sample, the stationary point of the energy over the free
 * coordinates that the heat equation would settle into, found without integrating it.
 *
 * <p>The energy is piecewise quadratic in the stalks: quadratic for each activation pattern. Each
 * iteration solves the Newton system of the current pattern by a block-tridiagonal Cholesky
 * factorisation ({@link BlockSystem}); when that step would leave the pattern, it takes instead an
 * implicit Euler step of the heat equation (the same system with a diagonal shift, halved while
 * the steps stay inside their patterns, so the implicit steps double in length), so that the
 * iterates cross from pattern to pattern where diffusion would and settle in the same basin. It moves along the step to the best of the points where
 * a hidden pre-activation crosses zero and the full step, by exact evaluation of the energy, so the
 * energy never increases. A pre-activation whose Newton steps point back and forth across zero is
 * held at the kink {@code z = 0} and released when its one-sided derivatives say so. The result is
 * certified when the largest gradient component over the free coordinates, and at every kink the
 * distance of 0 from the one-sided derivatives, fall below the tolerance.
 *
 * <p>Outputs: an identity head is part of the quadratic problem; a sigmoid or softmax output whose
 * {@code a_out} is not pinned always equals {@code phi(z_(k+1))} at equilibrium and is eliminated; an
 * {@code a_out} hard-pinned as a whole adds a smooth convex term, the cross-entropy potential in
 * identity mode or the squared output edge (solved by Gauss-Newton steps) in Jacobian mode.
 */
public final class PinnedEquilibrium {
    /** Relative size of energy changes lost to rounding: smaller predicted decreases are taken whole. */
    static final double ROUNDING = 1e-13;

    private PinnedEquilibrium() {
    }

    /** How the output edge enters the problem. */
    enum OutputTreatment {
        /** Identity head: no output vertex. */
        NONE,
        /** {@code a_out} free: it equals {@code phi(z)} and the edge has no energy. */
        ELIMINATED,
        /** {@code a_out} pinned, identity mode: the cross-entropy potential {@code U(z)}, gradient {@code p - t}. */
        CROSS_ENTROPY,
        /**
         * Jacobian mode with any pins on {@code a_out}: the squared output edge, by Gauss-Newton, with
         * the unpinned {@code a_out} solved for alongside the stalks.
         */
        OUTPUT_EDGE
    }

    /**
     * Solves each sample of {@code initial} (not modified) for its pinned equilibrium, starting there.
     *
     * @throws IllegalArgumentException for states of another architecture, non-finite values, bad or
     *     contradictory pins, a fully pinned network, pins the exact solver does not support (part of
     *     a classifier's {@code a_out}, or soft pins on it), or a singular pinned problem (a free
     *     input without a soft pin, say)
     * @throws dev.sheaf4j.NonFiniteException if a sample's equilibrium or its energy is not finite (the
     *     state or the weights too large for double precision), naming the vertex or edge and the sample
     */
    public static EquilibriumResult solve(SheafKernel kernel, Network network, SheafState initial, Pins pins,
            EquilibriumSettings settings) {
        SheafLayout layout = kernel.layout();
        Architecture arch = layout.architecture();
        int batch = initial.batch();
        PinnedStart start = PinnedStart.of(kernel, network, initial, pins);
        PinSet pinSet = start.pins();
        OutputTreatment treatment = treatment(layout, pinSet, settings.mode());
        SheafState result = start.state();
        BlockSystem system = new BlockSystem(network, layout);
        double[] params = network.parameters();
        double[] withoutBiases = params.clone();
        for (int l = 1; l <= arch.layers(); l++) {
            Arrays.fill(withoutBiases, arch.biasOffset(l), arch.biasOffset(l) + arch.width(l), 0.0);
        }
        Certificate[] certificates = new Certificate[batch];
        IntStream samples = IntStream.range(0, batch);
        (settings.parallel() ? samples.parallel() : samples).forEach(s -> {
            double[] v = new double[layout.stateSize()];
            for (int c = 0; c < v.length; c++) {
                v[c] = result.values()[c * batch + s];
            }
            certificates[s] = new SampleSolver(kernel, params, withoutBiases, system, pinSet, s, treatment, settings)
                    .solve(v);
            for (int c = 0; c < v.length; c++) {
                result.values()[c * batch + s] = v[c];
            }
        });
        requireFinite(kernel, params, result, certificates);
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

    private static OutputTreatment treatment(SheafLayout layout, PinSet pins, OutputEdgeMode mode) {
        Architecture arch = layout.architecture();
        if (!arch.hasOutputVertex()) {
            return OutputTreatment.NONE;
        }
        int from = layout.outputVertexOffset();
        int pinned = 0;
        boolean soft = false;
        for (int i = 0; i < arch.outputs(); i++) {
            pinned += pins.isFixed(from + i) ? 1 : 0;
        }
        for (int k = 0; k < pins.softCount(); k++) {
            soft |= pins.softIndex(k) >= from;
        }
        if (pinned == 0 && !soft) {
            return OutputTreatment.ELIMINATED;
        }
        if (mode == OutputEdgeMode.JACOBIAN) {
            return OutputTreatment.OUTPUT_EDGE;
        }
        if (soft || pinned < arch.outputs()) {
            throw new UnsupportedPinsException("in identity mode the exact solver needs all or none of a_out hard-pinned"
                    + " and no soft pins on it (" + pinned + " of " + arch.outputs() + " are pinned"
                    + (soft ? ", some softly" : "") + "); use Jacobian mode, pin the whole output, or use diffusion");
        }
        return OutputTreatment.CROSS_ENTROPY;
    }

    /** The iteration for one sample. Not thread-safe: one per sample. */
    private static final class SampleSolver {
        private final SheafKernel kernel;
        private final double[] params;
        private final BlockSystem system;
        private final SheafLayout layout;
        private final Architecture arch;
        private final OutputTreatment treatment;
        private final EquilibriumSettings settings;
        private final Workspace workspace;
        private final boolean[] solved;
        private final double[] strength;
        private final double[] target;
        private final int[] hidden;
        private final double[] slopes;
        private final boolean[] clamped;
        private final boolean[] flipped;
        private final double[] side;
        private final double[] outputTarget;
        private final double[] withoutBiases;
        private final double initialShift;
        private double shift;

        SampleSolver(SheafKernel kernel, double[] params, double[] withoutBiases, BlockSystem system, PinSet pins,
                int sample, OutputTreatment treatment, EquilibriumSettings settings) {
            this.kernel = kernel;
            this.params = params;
            this.system = system;
            this.layout = kernel.layout();
            this.arch = layout.architecture();
            this.treatment = treatment;
            this.settings = settings;
            this.workspace = new Workspace(layout, 1);
            this.withoutBiases = withoutBiases;
            this.initialShift = curvatureBound(params);
            this.shift = initialShift;
            int size = layout.stateSize();
            solved = new boolean[size];
            int end = treatment == OutputTreatment.OUTPUT_EDGE ? size : layout.linearEnd();
            for (int c = 0; c < end; c++) {
                solved[c] = !pins.isFixed(c);
            }
            strength = new double[size];
            target = new double[size];
            for (int k = 0; k < pins.softCount(); k++) {
                strength[pins.softIndex(k)] = pins.softStrength(k);
                target[pins.softIndex(k)] = pins.softTarget(k, sample);
            }
            List<Integer> zs = new ArrayList<>();
            List<Double> ss = new ArrayList<>();
            for (int l = 1; l < arch.layers(); l++) {
                for (int i = 0; i < arch.width(l); i++) {
                    if (solved[layout.preOffset(l) + i]) {
                        zs.add(layout.preOffset(l) + i);
                        ss.add(arch.slope(l));
                    }
                }
            }
            hidden = zs.stream().mapToInt(Integer::intValue).toArray();
            slopes = ss.stream().mapToDouble(Double::doubleValue).toArray();
            clamped = new boolean[hidden.length];
            flipped = new boolean[hidden.length];
            side = new double[hidden.length];
            Arrays.fill(side, 1.0);
            outputTarget = new double[arch.outputs()];
            if (treatment == OutputTreatment.CROSS_ENTROPY) {
                for (int h = 0; h < pins.hardCount(); h++) {
                    int index = pins.hardIndex(h) - layout.outputVertexOffset();
                    if (index >= 0) {
                        outputTarget[index] = pins.hardValue(h, sample);
                    }
                }
            }
        }

        Certificate solve(double[] v) {
            eliminateOutput(v);
            List<Double> trace = new ArrayList<>();
            double energy = energy(v);
            trace.add(energy);
            int changes = 0;
            double stationarity = Double.POSITIVE_INFINITY;
            String reason = "iteration limit " + settings.maxIterations() + " reached";
            boolean certified = false;
            int iteration = 0;
            while (iteration < settings.maxIterations()) {
                double[] g = gradient(v);
                double tolerance = settings.tolerance() * (1 + maxAbs(v));
                double free = freeStationarity(g);
                double kinks = kinkStationarity(v, g, free <= tolerance);
                stationarity = Math.max(free, kinks);
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
                double[] step = newtonStep(v, g, 0);
                boolean shifted = shift > 0 && !crossings(v, step).isEmpty();
                if (shifted) {
                    step = newtonStep(v, g, shift);
                }
                if (!consistentAtKinks(v, step)) {
                    continue;
                }
                double[] move = lineSearch(v, step, g, energy);
                if (move == null) {
                    reason = "no descent along the Newton direction (stationarity " + stationarity + ")";
                    break;
                }
                boolean insidePiece = move[0] == 1.0 && crossings(v, step).isEmpty();
                changes += applyMove(v, step, move[0]);
                if (shifted && insidePiece) {
                    // an implicit step that stayed in its pattern lets the next one be twice as long; an
                    // eightfold lengthening jumped past the basin diffusion settles in (see the tests)
                    shift = shift < 1e-12 * initialShift ? 0 : shift / 2;
                }
                energy = move[1];
                trace.add(energy);
            }
            int atKink = 0;
            for (boolean c : clamped) {
                atKink += c ? 1 : 0;
            }
            if (!certified && iteration >= settings.maxIterations()) {
                reason = reason + " with stationarity " + stationarity;
            }
            return new Certificate(certified, energy, stationarity, iteration, changes, atKink,
                    trace.stream().mapToDouble(Double::doubleValue).toArray(), reason);
        }

        /** A rough bound on the energy's curvature: 2 plus the largest squared column norm of a weight matrix. */
        private double curvatureBound(double[] p) {
            double largest = 0;
            for (int l = 1; l <= arch.layers(); l++) {
                int rows = arch.width(l);
                int cols = arch.width(l - 1);
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int i = 0; i < rows; i++) {
                        double w = p[arch.weightOffset(l) + i * cols + j];
                        sum += w * w;
                    }
                    largest = Math.max(largest, sum);
                }
            }
            return 2 + largest;
        }

        /** For a free classifier output, {@code a_out = phi(z_(k+1))}: the output edge carries nothing. */
        private void eliminateOutput(double[] v) {
            if (treatment == OutputTreatment.ELIMINATED) {
                OutputMap.apply(arch.head(), v, layout.preOffset(arch.layers()), v, layout.outputVertexOffset(),
                        arch.outputs(), 1);
            }
        }

        /** The energy minimised, see {@link Certificate#energy()}. */
        double energy(double[] v) {
            double[] d = workspace.discrepancy();
            kernel.discrepancies(params, v, 1, d);
            double e = 0;
            int linear = layout.linearEnd() - arch.inputs();
            for (int i = 0; i < linear; i++) {
                e += 0.5 * d[i] * d[i];
            }
            if (treatment == OutputTreatment.OUTPUT_EDGE) {
                for (int i = linear; i < d.length; i++) {
                    e += 0.5 * d[i] * d[i];
                }
            }
            return e + potentials(v);
        }

        /** The soft pins' energy, and the cross-entropy potential of a classifier output pinned in identity mode. */
        private double potentials(double[] v) {
            double e = treatment == OutputTreatment.CROSS_ENTROPY ? crossEntropyPotential(v) : 0;
            for (int c = 0; c < v.length; c++) {
                if (strength[c] > 0) {
                    e += 0.5 * strength[c] * (v[c] - target[c]) * (v[c] - target[c]);
                }
            }
            return e;
        }

        /** {@code sum softplus(z) - t.z} (sigmoid) or {@code logsumexp(z) - t.z} (softmax): gradient {@code p - t}. */
        private double crossEntropyPotential(double[] v) {
            int z = layout.preOffset(arch.layers());
            double u = 0;
            if (arch.head() == OutputActivation.SIGMOID) {
                for (int i = 0; i < arch.outputs(); i++) {
                    double x = v[z + i];
                    u += Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))) - outputTarget[i] * x;
                }
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < arch.outputs(); i++) {
                    max = Math.max(max, v[z + i]);
                }
                double sum = 0;
                for (int i = 0; i < arch.outputs(); i++) {
                    sum += Math.exp(v[z + i] - max);
                    u -= outputTarget[i] * v[z + i];
                }
                u += max + Math.log(sum);
            }
            return u;
        }

        /** The gradient of the energy, with each pre-activation at a kink taken on its chosen side. */
        double[] gradient(double[] v) {
            double[] f = workspace.force();
            OutputEdgeMode mode = treatment == OutputTreatment.CROSS_ENTROPY ? OutputEdgeMode.IDENTITY
                    : OutputEdgeMode.JACOBIAN;
            kernel.forces(params, v, mode, workspace, f);
            double[] g = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                g[c] = -f[c] + strength[c] * (v[c] - target[c]);
            }
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                if (v[z] == 0 && side[k] != 1.0) {
                    g[z] += (1 - side[k]) * v[activation(z)];
                }
            }
            return g;
        }

        private int activation(int z) {
            return z + arch.width(layout.vertexAt(z).layer());
        }

        /** The largest gradient component over the free coordinates not held at a kink. */
        private double freeStationarity(double[] g) {
            double worst = 0;
            for (int c = 0; c < solved.length; c++) {
                if (solved[c] && !isClamped(c)) {
                    worst = Math.max(worst, Math.abs(g[c]));
                }
            }
            return worst;
        }

        /**
         * The largest violation at the kinks: how far 0 lies outside the one-sided derivatives of a
         * pre-activation held at {@code z = 0}. When {@code release}, the most violated kink is freed
         * on the side of descent (an active-set step, taken once the rest is stationary).
         */
        private double kinkStationarity(double[] v, double[] g, boolean release) {
            double worst = 0;
            int worstKink = -1;
            double worstSide = 1.0;
            for (int k = 0; k < hidden.length; k++) {
                if (!clamped[k]) {
                    continue;
                }
                int z = hidden[k];
                double a = v[activation(z)];
                double right = side[k] == 1.0 ? g[z] : g[z] - (1 - side[k]) * a;
                double left = right + (1 - slopes[k]) * a;
                double violation = Math.max(0, Math.max(-right, left));
                if (violation > worst) {
                    worst = violation;
                    worstKink = k;
                    worstSide = -right >= left ? 1.0 : slopes[k];
                }
            }
            if (release && worstKink >= 0) {
                clamped[worstKink] = false;
                side[worstKink] = worstSide;
                flipped[worstKink] = true;
            }
            return worst;
        }

        private boolean isClamped(int c) {
            int k = Arrays.binarySearch(hidden, c);
            return k >= 0 && clamped[k];
        }

        /**
         * The step {@code -(H + shift I)^-1 g}: an implicit Euler step of the heat equation of length
         * {@code 1 / shift} (so early steps follow the path diffusion would take across activation
         * patterns), the Newton step when the shift is 0.
         */
        private double[] newtonStep(double[] v, double[] g, double shift) {
            boolean[] active = solved.clone();
            double[] masks = new double[v.length];
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                active[z] = !clamped[k];
                masks[z] = v[z] > 0 ? 1.0 : v[z] < 0 ? slopes[k] : side[k];
            }
            double[] rhs = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                rhs[c] = active[c] ? -g[c] : 0;
            }
            double[] diagonal = strength;
            if (shift > 0) {
                diagonal = strength.clone();
                for (int c = 0; c < diagonal.length; c++) {
                    diagonal[c] += shift;
                }
            }
            DMatrixRMaj hessian = null;
            DMatrixRMaj coupling = null;
            if (treatment == OutputTreatment.CROSS_ENTROPY) {
                hessian = jacobian(v);
            } else if (treatment == OutputTreatment.OUTPUT_EDGE) {
                // Gauss-Newton for 1/2 |phi(z) - a_out|^2: J^T J on z, I on a_out, -J between them
                DMatrixRMaj j = jacobian(v);
                hessian = new DMatrixRMaj(j.numCols, j.numCols);
                org.ejml.dense.row.CommonOps_DDRM.multTransA(j, j, hessian);
                coupling = j.copy();
                org.ejml.dense.row.CommonOps_DDRM.scale(-1.0, coupling);
            }
            return system.solve(active, masks, diagonal, hessian, coupling, rhs);
        }

        /** The Jacobian {@code J} of the output map at the state's {@code z_(k+1)}. */
        private DMatrixRMaj jacobian(double[] v) {
            int n = arch.outputs();
            double[] p = new double[n];
            OutputMap.apply(arch.head(), v, layout.preOffset(arch.layers()), p, 0, n, 1);
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double value = arch.head() == OutputActivation.SIGMOID ? (a == b ? p[a] * (1 - p[a]) : 0)
                            : (a == b ? p[a] : 0) - p[a] * p[b];
                    j.set(a, b, value);
                }
            }
            return j;
        }

        /**
         * At a pre-activation sitting exactly at 0, the step must go to the side whose mask it was
         * computed with. If not, switch sides; if it wants back again, hold it at the kink.
         */
        private boolean consistentAtKinks(double[] v, double[] step) {
            boolean consistent = true;
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                if (clamped[k] || v[z] != 0 || step[z] == 0) {
                    continue;
                }
                double wanted = step[z] > 0 ? 1.0 : slopes[k];
                if (wanted != side[k]) {
                    consistent = false;
                    if (flipped[k]) {
                        clamped[k] = true;
                    } else {
                        side[k] = wanted;
                        flipped[k] = true;
                    }
                }
            }
            return consistent;
        }

        /**
         * The point along {@code step} where the energy, sampled at every zero crossing before the
         * full step and at the full step, stops decreasing (the first valley, so the iterates stay in
         * the basin that diffusion would follow); failing any decrease, halves of the first stretch.
         * Returns {@code {t, energy}} or null.
         */
        private double[] lineSearch(double[] v, double[] step, double[] g, double energy) {
            List<Double> candidates = crossings(v, step);
            double first = candidates.isEmpty() ? 1.0 : candidates.get(0);
            candidates.add(1.0);
            double bestT = 0;
            double best = energy;
            Ray ray = new Ray(v, step);
            for (double t : candidates) {
                double e = ray.energy(t);
                if (e >= best) {
                    break; // the first valley along the ray: stay in the basin the flow would follow
                }
                best = e;
                bestT = t;
            }
            for (int halving = 1; bestT == 0 && halving <= 60; halving++) {
                double t = first / Math.pow(2, halving);
                double e = ray.energy(t);
                if (e < energy) {
                    best = e;
                    bestT = t;
                }
            }
            if (bestT == 0 && predictedDecrease(step, g) <= ROUNDING * (1 + Math.abs(energy))) {
                // the Newton step promises less than the energy's rounding can show: take it whole
                return new double[] {1.0, ray.energy(1.0)};
            }
            return bestT == 0 ? null : new double[] {bestT, best};
        }

        /** The step fractions in (0, 1) at which a hidden pre-activation crosses zero, in order. */
        private List<Double> crossings(double[] v, double[] step) {
            List<Double> candidates = new ArrayList<>();
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                if (!clamped[k] && v[z] != 0 && step[z] != 0) {
                    double t = -v[z] / step[z];
                    if (t > 0 && t < 1) {
                        candidates.add(t);
                    }
                }
            }
            candidates.sort(Double::compare);
            return candidates;
        }

        /** {@code -g . step / 2}: the decrease the quadratic model predicts for the full Newton step. */
        private static double predictedDecrease(double[] step, double[] g) {
            double sum = 0;
            for (int c = 0; c < step.length; c++) {
                sum -= g[c] * step[c];
            }
            return sum / 2;
        }

        /**
         * The energy along {@code v + t step}, cheap for each {@code t}: the weight edges' residuals
         * are affine in {@code t} (their value and slope are computed once), the activation edges,
         * the output term and the soft pins are re-evaluated from the moved stalks.
         */
        private final class Ray {
            private final double[] v;
            private final double[] step;
            private final double[] r0;
            private final double[] slope;
            private final double[] trial;

            Ray(double[] v, double[] step) {
                this.v = v;
                this.step = step;
                int size = layout.discrepancySize();
                r0 = new double[size];
                slope = new double[size];
                kernel.discrepancies(params, v, 1, r0);
                kernel.discrepancies(withoutBiases, step, 1, slope);
                trial = new double[v.length];
            }

            double energy(double t) {
                for (int c = 0; c < v.length; c++) {
                    trial[c] = v[c] + t * step[c];
                }
                snapCrossings(v, step, t, trial);
                eliminateOutput(trial);
                int n0 = arch.inputs();
                double e = 0;
                for (Edge edge : layout.edges()) {
                    int from = edge.offset();
                    int to = from + edge.width();
                    if (edge.kind() == EdgeKind.WEIGHT) {
                        for (int i = from; i < to; i++) {
                            double r = r0[i] + t * slope[i];
                            e += 0.5 * r * r;
                        }
                    } else if (edge.kind() == EdgeKind.ACTIVATION) {
                        double leak = arch.slope(edge.layer());
                        for (int i = from; i < to; i++) {
                            double z = trial[i + n0 - edge.width()];
                            double s = (z >= 0 ? z : leak * z) - trial[i + n0];
                            e += 0.5 * s * s;
                        }
                    }
                }
                if (treatment == OutputTreatment.OUTPUT_EDGE) {
                    double[] p = new double[arch.outputs()];
                    OutputMap.apply(arch.head(), trial, layout.preOffset(arch.layers()), p, 0, p.length, 1);
                    for (int i = 0; i < p.length; i++) {
                        double o = p[i] - trial[layout.outputVertexOffset() + i];
                        e += 0.5 * o * o;
                    }
                }
                return e + potentials(trial);
            }
        }

        /** Pre-activations whose crossing is at {@code t} land exactly on 0. */
        private void snapCrossings(double[] v, double[] step, double t, double[] moved) {
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                if (!clamped[k] && v[z] != 0 && step[z] != 0 && -v[z] / step[z] == t) {
                    moved[z] = 0;
                }
            }
        }

        /** Moves to {@code v + t step}; returns the number of pre-activations whose sign class changed. */
        private int applyMove(double[] v, double[] step, double t) {
            int changes = 0;
            double[] moved = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                moved[c] = v[c] + t * step[c];
            }
            snapCrossings(v, step, t, moved);
            for (int k = 0; k < hidden.length; k++) {
                int z = hidden[k];
                if (Math.signum(moved[z]) != Math.signum(v[z])) {
                    changes++;
                }
                if (moved[z] == 0 && v[z] != 0) {
                    side[k] = step[z] > 0 ? 1.0 : slopes[k];
                }
                flipped[k] = false;
            }
            System.arraycopy(moved, 0, v, 0, v.length);
            eliminateOutput(v);
            return changes;
        }

        private static double maxAbs(double[] v) {
            double max = 0;
            for (double x : v) {
                max = Math.max(max, Math.abs(x));
            }
            return max;
        }
    }
}
