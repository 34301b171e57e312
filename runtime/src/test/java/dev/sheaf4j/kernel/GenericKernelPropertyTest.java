package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.solve.Energy;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The generic kernel against independent computations: finite differences and per-sample runs. */
class GenericKernelPropertyTest {

    @Property(tries = 60)
    void jacobianForcesAreMinusTheFiniteDifferenceGradientOfTheEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 6, true);
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

    @Property(tries = 40)
    void batchedOperationsEqualPerSampleOperations(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int depth,
            @ForAll @IntRange(min = 2, max = 7) int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 6, true);
        double[] params = RandomNetworks.network(random, arch).parameters();
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        int size = layout.stateSize();
        double[] batched = RandomNetworks.gaussian(random, size * batch);
        Coordinate pinned = Coordinate.pre(1, 0);
        double[] pinValues = RandomNetworks.gaussian(random, batch);
        Pins pins = Pins.builder().hard(pinned, pinValues).soft(Coordinate.pre(arch.layers(), 0), 0.5, 2.0).build();
        double[] batchedForce = new double[size * batch];
        Workspace ws = new Workspace(layout, batch);
        kernel.forces(params, batched, OutputEdgeMode.JACOBIAN, ws, batchedForce);
        double[] stepped = batched.clone();
        PinSet batchPins = pins.compile(layout, batch);
        batchPins.applyHard(stepped);
        kernel.eulerStep(params, stepped, 0.01, OutputEdgeMode.IDENTITY, batchPins, ws);
        double[] forwarded = batched.clone();
        kernel.forward(params, forwarded, batch);

        Workspace one = new Workspace(layout, 1);
        for (int s = 0; s < batch; s++) {
            double[] single = new double[size];
            for (int c = 0; c < size; c++) {
                single[c] = batched[c * batch + s];
            }
            double[] force = new double[size];
            kernel.forces(params, single, OutputEdgeMode.JACOBIAN, one, force);
            double[] step = single.clone();
            PinSet singlePins = Pins.builder().hard(pinned, pinValues[s])
                    .soft(Coordinate.pre(arch.layers(), 0), 0.5, 2.0).build().compile(layout, 1);
            singlePins.applyHard(step);
            kernel.eulerStep(params, step, 0.01, OutputEdgeMode.IDENTITY, singlePins, one);
            double[] forward = single.clone();
            kernel.forward(params, forward, 1);
            for (int c = 0; c < size; c++) {
                assertEquals(force[c], batchedForce[c * batch + s], 1e-14, "force " + c + " sample " + s);
                assertEquals(step[c], stepped[c * batch + s], 1e-14, "Euler step " + c + " sample " + s);
                assertEquals(forward[c], forwarded[c * batch + s], 1e-14, "forward " + c + " sample " + s);
            }
        }
    }

    @Property(tries = 40)
    void trainingStepDescendsTheLocalEnergyInStalksAndWeights(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 5, true);
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
            assertEquals(params[k] - betaDt * gradient, newParams[k], 1e-8 * (1 + Math.abs(gradient)), "parameter " + k);
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
