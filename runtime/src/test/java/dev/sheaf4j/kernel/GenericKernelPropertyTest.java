package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.solve.Energy;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The generic kernel against independent computations: finite differences and per-sample runs. */
class GenericKernelPropertyTest {

    @Property(tries = 60)
    void jacobianForcesAreMinusTheFiniteDifferenceGradientOfTheEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        assertForcesAreMinusTheGradient(random, RandomNetworks.architecture(random, depth, 6, true));
    }

    /** On residual networks, whose skips pull on their sources, {@code x} included. */
    @Property(tries = 60)
    void residualJacobianForcesAreMinusTheFiniteDifferenceGradientOfTheEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden) {
        SplittableRandom random = new SplittableRandom(seed);
        assertForcesAreMinusTheGradient(random, RandomNetworks.residual(random, hidden, 16, true));
    }

    /** The forces on every coordinate of a random state, {@code x} included, against central differences of the energy. */
    private static void assertForcesAreMinusTheGradient(SplittableRandom random, Architecture arch) {
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        double[] params = network.parameters();
        double[] state = RandomNetworks.gaussian(random, layout.stateSize());
        Workspace ws = new Workspace(layout, 1);
        PinSet free = Pins.builder().freeInput().build().compile(layout, 1);
        double[] force = new double[layout.stateSize()];
        kernel.forces(params, state, OutputEdgeMode.JACOBIAN, ws, force);
        double h = 1e-6;
        for (int c = 0; c < state.length; c++) {
            double saved = state[c];
            if (Math.abs(saved) < 10 * h) {
                continue; // a ReLU kink lies within the difference stencil
            }
            state[c] = saved + h;
            double up = Energy.of(kernel, params, state, free, ws);
            state[c] = saved - h;
            double down = Energy.of(kernel, params, state, free, ws);
            state[c] = saved;
            double gradient = (up - down) / (2 * h);
            assertEquals(-gradient, force[c], 1e-6 * (1 + Math.abs(gradient)),
                    "force on " + layout.name(layout.vertexAt(c)) + " coordinate " + c + " of " + arch);
        }
    }

    /** On small batches (flat loops) and on more than one tile (tile loops, the last tile partial). */
    @Property(tries = 40)
    void batchedOperationsEqualPerSampleOperations(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int depth,
            @ForAll @IntRange(min = 2, max = 7) int extra, @ForAll boolean rows, @ForAll OutputEdgeMode mode) {
        assertBatchedOperationsArePerSample(RandomCase.of(seed, depth, extra, rows, false), mode);
    }

    /** On residual networks, whose steps take the flat loops at every batch size. */
    @Property(tries = 40)
    void residualBatchedOperationsEqualPerSampleOperations(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth, @ForAll @IntRange(min = 2, max = 7) int extra,
            @ForAll boolean rows, @ForAll OutputEdgeMode mode) {
        assertBatchedOperationsArePerSample(RandomCase.of(seed, depth, extra, rows, true), mode);
    }

    private static void assertBatchedOperationsArePerSample(RandomCase net, OutputEdgeMode mode) {
        double[] batched = RandomNetworks.gaussian(net.random(), net.size() * net.batch());
        Coordinate pinned = Coordinate.pre(1, 0);
        double[] pinValues = RandomNetworks.gaussian(net.random(), net.batch());
        Pins pins = Pins.builder().hard(pinned, pinValues).soft(Coordinate.pre(net.arch().layers(), 0), 0.5, 2.0).build();
        double[] batchedForce = new double[net.size() * net.batch()];
        Workspace ws = new Workspace(net.layout(), net.batch());
        net.kernel().forces(net.params(), batched, OutputEdgeMode.JACOBIAN, ws, batchedForce);
        double[] stepped = batched.clone();
        PinSet batchPins = pins.compile(net.layout(), net.batch());
        batchPins.applyHard(stepped);
        net.kernel().eulerStep(net.params(), stepped, 0.01, mode, batchPins, ws);
        double[] forwarded = batched.clone();
        net.kernel().forward(net.params(), forwarded, net.batch());

        Workspace one = new Workspace(net.layout(), 1);
        for (int s = 0; s < net.batch(); s++) {
            double[] single = new double[net.size()];
            for (int c = 0; c < net.size(); c++) {
                single[c] = batched[c * net.batch() + s];
            }
            double[] force = new double[net.size()];
            net.kernel().forces(net.params(), single, OutputEdgeMode.JACOBIAN, one, force);
            double[] step = single.clone();
            PinSet singlePins = Pins.builder().hard(pinned, pinValues[s])
                    .soft(Coordinate.pre(net.arch().layers(), 0), 0.5, 2.0).build().compile(net.layout(), 1);
            singlePins.applyHard(step);
            net.kernel().eulerStep(net.params(), step, 0.01, mode, singlePins, one);
            double[] forward = single.clone();
            net.kernel().forward(net.params(), forward, 1);
            for (int c = 0; c < net.size(); c++) {
                // within rounding: the loops over a batch sum in another order than those of one sample
                assertEquals(force[c], batchedForce[c * net.batch() + s], 1e-14 * (1 + Math.abs(force[c])),
                        "force " + c + " sample " + s);
                assertEquals(step[c], stepped[c * net.batch() + s], 1e-14 * (1 + Math.abs(step[c])),
                        "Euler step " + c + " sample " + s);
                assertEquals(forward[c], forwarded[c * net.batch() + s], 1e-14 * (1 + Math.abs(forward[c])),
                        "forward " + c + " sample " + s);
            }
        }
    }

    @Property(tries = 40)
    void trainingStepDescendsTheLocalEnergyInStalksAndWeights(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        assertTrainingStepDescends(random, RandomNetworks.architecture(random, depth, 5, true));
    }

    /** On residual networks: each projection moves by {@code -betaDt dE/dP}, as the weights do. */
    @Property(tries = 40)
    void residualTrainingStepDescendsTheLocalEnergyInStalksWeightsAndProjections(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.residual(random, hidden, 8, true);
        Assume.that(arch.skips().stream().anyMatch(Skip::projected));
        assertTrainingStepDescends(random, arch);
    }

    /**
     * A training step moves every parameter (weights, biases, projections) by {@code -betaDt} and
     * every free linear stalk by {@code -alphaDt} times the central-difference derivative of the
     * training energy, and leaves {@code x} and {@code a_out} alone.
     */
    private static void assertTrainingStepDescends(SplittableRandom random, Architecture arch) {
        double[] params = RandomNetworks.network(random, arch).parameters();
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        double[] state = RandomNetworks.gaussian(random, layout.stateSize());
        double[] target = new double[arch.outputs()];
        switch (arch.head()) {
            case IDENTITY -> target = RandomNetworks.gaussian(random, arch.outputs());
            case SIGMOID -> java.util.Arrays.setAll(target, i -> random.nextInt(2));
            case SOFTMAX -> target[random.nextInt(arch.outputs())] = 1.0;
            default -> throw new IllegalStateException();
        }
        double alphaDt = 0.01;
        double betaDt = 0.003;
        double[] newParams = params.clone();
        double[] newState = state.clone();
        PinSet pins = Pins.none().compile(layout, 1);
        kernel.trainingStep(newParams, newState, target, alphaDt, betaDt, pins, new Workspace(layout, 1));

        double h = 1e-6;
        for (int k = 0; k < params.length; k++) {
            double[] up = params.clone();
            double[] down = params.clone();
            up[k] += h;
            down[k] -= h;
            double gradient = (trainingEnergy(kernel, up, state, target) - trainingEnergy(kernel, down, state, target))
                    / (2 * h);
            assertEquals(params[k] - betaDt * gradient, newParams[k], 1e-8 * (1 + Math.abs(gradient)),
                    "parameter " + k + " of " + arch);
        }
        for (int c = 0; c < layout.stateSize(); c++) {
            boolean moves = c >= arch.inputs() && c < layout.linearEnd();
            if (!moves) {
                assertEquals(state[c], newState[c], 0.0, "coordinate " + c + " must not move");
                continue;
            }
            if (Math.abs(state[c]) < 10 * h) {
                continue;
            }
            double[] up = state.clone();
            double[] down = state.clone();
            up[c] += h;
            down[c] -= h;
            double gradient = (trainingEnergy(kernel, params, up, target) - trainingEnergy(kernel, params, down, target))
                    / (2 * h);
            assertEquals(state[c] - alphaDt * gradient, newState[c], 1e-8 * (1 + Math.abs(gradient)),
                    "stalk coordinate " + c + " of " + arch);
        }
    }

    /**
     * A seeded random architecture of {@code depth} layers (widths up to 6, any head; with skips if
     * {@code residual}, then at least two layers), its network and kernel, and a batch of
     * {@code extra} samples, plus {@link Routing#TILE} if {@code rows}.
     */
    private record RandomCase(SplittableRandom random, int batch, Architecture arch, double[] params,
            GenericKernel kernel) {
        static RandomCase of(long seed, int depth, int extra, boolean rows, boolean residual) {
            SplittableRandom random = new SplittableRandom(seed);
            Architecture arch = residual ? RandomNetworks.residual(random, Math.max(1, depth - 1), 6, true)
                    : RandomNetworks.architecture(random, depth, 6, true);
            return new RandomCase(random, extra + (rows ? Routing.TILE : 0), arch,
                    RandomNetworks.network(random, arch).parameters(), new GenericKernel(arch));
        }

        SheafLayout layout() {
            return kernel.layout();
        }

        int size() {
            return kernel.layout().stateSize();
        }
    }

    /**
     * A training step on a batch moves each sample's stalks as a step on that sample alone would, and
     * the weights by the sum of the single-sample weight changes (the gradient is a sum over the
     * samples): on small batches and on batches of more than one tile.
     */
    @Property(tries = 30)
    void batchedTrainingStepIsTheSumOfSingleSampleSteps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int depth,
            @ForAll @IntRange(min = 2, max = 9) int extra, @ForAll boolean rows) {
        assertBatchedTrainingStepIsTheSum(RandomCase.of(seed, depth, extra, rows, false));
    }

    /** On residual networks: the projections too move by the sum of the single-sample changes. */
    @Property(tries = 30)
    void residualBatchedTrainingStepIsTheSumOfSingleSampleSteps(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth, @ForAll @IntRange(min = 2, max = 9) int extra,
            @ForAll boolean rows) {
        assertBatchedTrainingStepIsTheSum(RandomCase.of(seed, depth, extra, rows, true));
    }

    private static void assertBatchedTrainingStepIsTheSum(RandomCase net) {
        int outputs = net.arch().outputs();
        double[] state = RandomNetworks.gaussian(net.random(), net.size() * net.batch());
        double[] targets = RandomNetworks.gaussian(net.random(), outputs * net.batch());
        double[] batchParams = net.params().clone();
        double[] batchState = state.clone();
        net.kernel().trainingStep(batchParams, batchState, targets, 0.01, 0.002, Pins.none().compile(net.layout(), net.batch()),
                new Workspace(net.layout(), net.batch()));

        double[] summed = net.params().clone();
        Workspace one = new Workspace(net.layout(), 1);
        PinSet pins = Pins.none().compile(net.layout(), 1);
        for (int s = 0; s < net.batch(); s++) {
            double[] single = new double[net.size()];
            for (int c = 0; c < net.size(); c++) {
                single[c] = state[c * net.batch() + s];
            }
            double[] target = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                target[i] = targets[i * net.batch() + s];
            }
            double[] singleParams = net.params().clone();
            net.kernel().trainingStep(singleParams, single, target, 0.01, 0.002, pins, one);
            for (int k = 0; k < net.params().length; k++) {
                summed[k] += singleParams[k] - net.params()[k];
            }
            for (int c = 0; c < net.size(); c++) {
                assertEquals(single[c], batchState[c * net.batch() + s], 1e-14, "stalk " + c + " sample " + s);
            }
        }
        for (int k = 0; k < net.params().length; k++) {
            assertEquals(summed[k], batchParams[k], 1e-12 * (1 + Math.abs(net.params()[k])), "parameter " + k);
        }
    }

    /**
     * The energy that training descends: the weight and activation edges' {@code 1/2 |d|^2} plus the
     * loss whose logit gradient is {@code g}: squared error, binary or categorical cross-entropy.
     */
    private static double trainingEnergy(GenericKernel kernel, double[] params, double[] state, double[] y) {
        SheafLayout layout = kernel.layout();
        Architecture arch = layout.architecture();
        double[] d = new double[layout.discrepancySize()];
        kernel.discrepancies(params, state, 1, d);
        double e = 0;
        for (int i = 0; i < layout.linearEnd() - arch.inputs(); i++) {
            e += 0.5 * d[i] * d[i];
        }
        int z = layout.preOffset(arch.layers());
        double[] p = new double[arch.outputs()];
        OutputMap.apply(arch.head(), state, z, p, 0, p.length, 1);
        for (int i = 0; i < p.length; i++) {
            e += switch (arch.head()) {
                case IDENTITY -> 0.5 * (state[z + i] - y[i]) * (state[z + i] - y[i]);
                case SIGMOID -> -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
                case SOFTMAX -> -y[i] * Math.log(p[i]);
                default -> throw new IllegalStateException();
            };
        }
        return e;
    }
}
