package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The exact pinned solver on seeded random networks and pin sets, against long diffusion from the
 * same start, and its own guarantees: certified stationarity, an energy that never rises, soft pins
 * that tend to hard ones.
 */
class PinnedEquilibriumPropertyTest {

    /** A random set of one to three pins on hidden or output stalks, some soft. */
    static Pins randomPins(SplittableRandom random, Architecture arch, boolean allowSoft) {
        Pins.Builder pins = Pins.builder();
        java.util.Set<Coordinate> used = new java.util.HashSet<>();
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count; p++) {
            int layer = 1 + random.nextInt(arch.layers());
            boolean post = layer < arch.layers() && random.nextBoolean();
            Coordinate c = new Coordinate(layer, post ? Stalk.POST : Stalk.PRE, random.nextInt(arch.width(layer)));
            if (!used.add(c)) {
                continue;
            }
            double value = random.nextGaussian();
            if (allowSoft && random.nextBoolean()) {
                pins.soft(c, value, random.nextDouble(0.1, 5));
            } else {
                pins.hard(c, value);
            }
        }
        return pins.build();
    }

    /** Whether {@code pins} leave some coordinate free (compiling fully pinned sets is refused). */
    static boolean leavesSomethingFree(Sheaf sheaf, Pins pins) {
        try {
            return pins.compile(sheaf.layout(), 1).freeCount() > 0;
        } catch (IllegalArgumentException fullyPinned) {
            return false;
        }
    }

    /** The exact solve and a long diffusion from the same start, on one seeded random case. */
    private record Comparison(String description, boolean certified, double difference, double exactEnergy,
            double diffusionEnergy) {
        boolean agree() {
            return difference <= 1e-7;
        }
    }

    /**
     * Solves a random pinned problem ({@code depth} layers, widths up to 6, any head, random skips
     * when {@code residual}, up to three hard or soft pins) exactly and by diffusion run until its
     * steps are below {@code 1e-14 dt} ({@code 1e-13 dt} for a residual network, whose skips add up
     * to larger stalks and put the rounding floor of the steps near {@code 1e-14 dt}); null where
     * everything is pinned or diffusion does not settle in two million steps (as at an equilibrium
     * held at a kink, around which the Euler steps chatter).
     */
    private static Comparison compareWithDiffusion(long seed, int depth, boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture drawn = RandomNetworks.architecture(random, depth, 6, true);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        Pins pins = randomPins(random, arch, true);
        if (!leavesSomethingFree(sheaf, pins)) {
            return null;
        }
        SheafState start = sheaf.forwardPass(x);
        EquilibriumResult exact = sheaf.solveEquilibrium(start, pins,
                EquilibriumSettings.defaults().withParallel(false));
        double lambdaMax = lambdaMax(sheaf, start);
        double gamma = 5;
        double dt = 0.5 / (lambdaMax + gamma + 1);
        DiffusionResult diffusion = sheaf.diffuse(start, pins, DiffusionSettings.defaults().withDt(dt)
                .withTolerance((residual ? 1e-13 : 1e-14) * dt).withMaxSteps(2_000_000));
        if (!diffusion.converged()) {
            return null;
        }
        double[] want = diffusion.state().values();
        double[] got = exact.state().values();
        double difference = 0;
        for (int i = 0; i < want.length; i++) {
            difference = Math.max(difference, Math.abs(want[i] - got[i]));
        }
        GenericKernel kernel = new GenericKernel(arch);
        PinSet pinSet = pins.compile(kernel.layout(), 1);
        Workspace workspace = new Workspace(kernel.layout(), 1);
        double[] params = sheaf.network().parameters();
        return new Comparison("seed " + seed + ", " + arch + " with " + pins.pins(), exact.certified(), difference,
                Energy.of(kernel, params, got, pinSet, workspace), Energy.of(kernel, params, want, pinSet, workspace));
    }

    /** {@code lambda_max(L_free)} at the activation pattern of {@code start}'s first sample. */
    private static double lambdaMax(Sheaf sheaf, SheafState start) {
        return sheaf.network().architecture().residual()
                ? lambdaMax(new GenericKernel(sheaf.network().architecture()), sheaf.network().parameters(), start)
                : Spectrum.of(new Coboundary(sheaf.network(), ActivationPattern.of(start, 0))).lambdaMax();
    }

    /**
     * {@code lambda_max(L_free)} at the activation pattern of {@code start}, for networks the
     * coboundary's blocks do not describe: the linear edges' coboundary {@code D} read column by column
     * from the kernel's discrepancies as {@code d(v + e_c) - d(v)}, at a state with the start's
     * pattern whose hidden pre-activations are far from their kinks; its largest singular value squared.
     */
    private static double lambdaMax(GenericKernel kernel, double[] params, SheafState start) {
        SheafLayout layout = kernel.layout();
        Architecture arch = layout.architecture();
        double[] v = new double[layout.stateSize()];
        for (int l = 1; l < arch.layers(); l++) {
            for (int i = layout.preOffset(l); i < layout.preOffset(l) + arch.width(l); i++) {
                v[i] = start.values()[i] >= 0 ? 1e3 : -1e3;
            }
        }
        int rows = layout.freeDimension();
        double[] base = new double[layout.discrepancySize()];
        double[] moved = new double[base.length];
        kernel.discrepancies(params, v, 1, base);
        DMatrixRMaj d = new DMatrixRMaj(rows, rows);
        for (int c = arch.inputs(); c < layout.linearEnd(); c++) {
            v[c] += 1;
            kernel.discrepancies(params, v, 1, moved);
            v[c] -= 1;
            for (int r = 0; r < rows; r++) {
                d.set(r, c - arch.inputs(), moved[r] - base[r]);
            }
        }
        double norm = NormOps_DDRM.normP2(d);
        return norm * norm;
    }

    /**
     * The exact solver lands where diffusion from the same start settles on nearly every problem,
     * not on all: the energy is piecewise quadratic and not convex, and diffusion's path inside a
     * pattern is curved, so it can leave a pattern whose minimiser lies inside it (the exact solver
     * steps there straight) and settle in another basin. Of the 257 problems here that diffusion
     * settles, that happens on one (seed 506: [4, 5, 5] leaky, exact energy 0.046811, diffusion
     * 0.046125); seeds 100..149 give one more (seed 843). Every result is a certified stationary
     * point, and a regression that lands elsewhere more often fails here.
     */
    @Example
    void exactSolveMatchesLongDiffusionOnNearlyEveryProblem() {
        survey(100, 1, 3, false, 200);
    }

    /**
     * On residual networks (identity and projected skips, from the input and into the output, any
     * head, hard and soft pins up- and downstream) too, the exact solve is certified and lands where
     * diffusion from the same start settles on nearly every problem; where it does not, it found
     * another stationary point, as on plain networks.
     */
    @Example
    void onResidualNetworksTheExactSolveMatchesLongDiffusionOnNearlyEveryProblem() {
        survey(40, 2, 3, true, 50);
    }

    /**
     * Compares the exact solve with diffusion on {@code seeds} seeds at each depth from {@code
     * minDepth} to {@code maxDepth}: every result certified, more than {@code minCases} problems
     * settled by diffusion, and at most one in fifty of those landing elsewhere.
     */
    private static void survey(int seeds, int minDepth, int maxDepth, boolean residual, int minCases) {
        int cases = 0;
        List<String> elsewhere = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            for (int depth = minDepth; depth <= maxDepth; depth++) {
                Comparison c = compareWithDiffusion(seed * 7 + depth, depth, residual);
                if (c == null) {
                    continue;
                }
                cases++;
                assertTrue(c.certified(), c.description());
                if (!c.agree()) {
                    elsewhere.add(c.description() + ": largest difference " + c.difference() + ", energy "
                            + c.exactEnergy() + " exact, " + c.diffusionEnergy() + " diffusion");
                }
            }
        }
        assertTrue(cases > minCases, cases + " cases settled");
        assertTrue(elsewhere.size() <= cases / 50, elsewhere.size() + " of " + cases + " landed elsewhere: " + elsewhere);
    }

    /**
     * A case jqwik found: [4, 3, 5, 5] softmax with soft pins on a_2[0] and a_1[2]. With implicit steps
     * lengthened eightfold after each step that stayed in its pattern, the exact solver settled in
     * pattern 001|00101 at energy 0.2619 while diffusion went on to 001|10101 at 0.2262; doubling
     * them follows diffusion there.
     */
    @Example
    void exactSolveFollowsDiffusionOnAFoundCase() {
        Comparison c = compareWithDiffusion(129, 3, false);
        assertTrue(c.certified() && c.agree(), c.description() + ": difference " + c.difference() + ", energy "
                + c.exactEnergy() + " exact, " + c.diffusionEnergy() + " diffusion");
    }

    @Property(tries = 60)
    void energyNeverRisesAlongTheIterations(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth,
            @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture drawn = RandomNetworks.architecture(random, depth, 12, true);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        SheafState start = new SheafState(sheaf.layout(), 1, RandomNetworks.gaussian(random, sheaf.layout().stateSize()));
        Pins pins = randomPins(random, arch, true);
        Assume.that(leavesSomethingFree(sheaf, pins));
        EquilibriumResult result = sheaf.solveEquilibrium(start, pins,
                EquilibriumSettings.defaults().withParallel(false));
        Certificate c = result.certificate();
        assertTrue(c.certified(), arch + ": " + c);
        double[] trace = c.energyTrace();
        // the one step allowed without a measured decrease is a Newton step whose predicted decrease
        // is below the rounding of the energy itself (LineSearch.ROUNDING): it may not raise
        // the energy by more than that rounding
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] <= trace[i - 1] + LineSearch.ROUNDING * (1 + Math.abs(trace[i - 1])),
                    "energy rose at iteration " + i + ": " + trace[i - 1] + " -> " + trace[i]);
        }
        assertEquals(trace[trace.length - 1], c.energy(), 0.0);
    }

    @Property(tries = 25)
    void softPinsApproachTheHardPinAsTheirStrengthGrows(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth, @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture drawn = RandomNetworks.architecture(random, depth, 6, false);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Assume.that(arch.layers() > 1 || arch.outputs() > 1);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        Coordinate c = Coordinate.pre(arch.layers(), random.nextInt(arch.outputs()));
        double value = sheaf.forward(x)[c.neuron()] + 0.3 * random.nextGaussian();
        EquilibriumSettings settings = EquilibriumSettings.defaults().withParallel(false);
        double[] hard = sheaf.equilibrium(x).pin(c, value).settings(settings).solve().state().values();
        double previous = Double.POSITIVE_INFINITY;
        for (double gamma : new double[] {1e2, 1e4, 1e6}) {
            EquilibriumResult soft = sheaf.equilibrium(x).softPin(c, value, gamma).settings(settings).solve();
            assertTrue(soft.certified(), soft.certificate().toString());
            double distance = 0;
            for (int i = 0; i < hard.length; i++) {
                distance = Math.max(distance, Math.abs(hard[i] - soft.state().values()[i]));
            }
            assertTrue(distance <= previous + 1e-9, "gamma " + gamma + ": distance " + distance + " after " + previous);
            previous = distance;
        }
        assertTrue(previous < 1e-4, "gamma 1e6 leaves a distance " + previous);
    }

    /**
     * On a residual network the certified equilibrium is a stationary point of the sheaf's energy
     * as the kernel computes it: its energy is the certificate's, and the energy's central differences
     * vanish along every free coordinate (a pre-activation held at its kink, where the energy has a
     * corner, aside).
     */
    @Property(tries = 40)
    void onAResidualNetworkTheEquilibriumIsStationaryForTheSheafEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.withSkips(random, RandomNetworks.architecture(random, depth, 6, true));
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        Pins pins = randomPins(random, arch, true);
        Assume.that(leavesSomethingFree(sheaf, pins));
        EquilibriumResult result = sheaf.solveEquilibrium(sheaf.forwardPass(RandomNetworks.gaussian(random,
                arch.inputs())), pins, EquilibriumSettings.defaults().withParallel(false));
        assertTrue(result.certified(), arch + ": " + result.certificate());
        GenericKernel kernel = new GenericKernel(arch);
        PinSet pinSet = pins.compile(kernel.layout(), 1);
        Workspace workspace = new Workspace(kernel.layout(), 1);
        double[] params = sheaf.network().parameters();
        double[] v = result.state().values();
        double energy = Energy.of(kernel, params, v, pinSet, workspace);
        assertEquals(energy, result.certificate().energy(), 1e-12 * (1 + energy));
        double h = 1e-6;
        for (int c = 0; c < v.length; c++) {
            boolean atKink = kernel.layout().vertexAt(c).stalk() == Stalk.PRE && c >= arch.inputs() && v[c] == 0;
            if (pinSet.isFixed(c) || atKink) {
                continue;
            }
            double[] plus = v.clone();
            double[] minus = v.clone();
            plus[c] += h;
            minus[c] -= h;
            double slope = (Energy.of(kernel, params, plus, pinSet, workspace)
                    - Energy.of(kernel, params, minus, pinSet, workspace)) / (2 * h);
            assertEquals(0, slope, 1e-6 * (1 + Math.abs(v[c])), arch + " with " + pins.pins() + ", coordinate " + c);
        }
    }

    @Property(tries = 20)
    void aBatchWithPerSampleValuesSolvesEachSampleAlone(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, 2, 6, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        int batch = 5;
        double[][] inputs = new double[batch][];
        double[] values = RandomNetworks.gaussian(random, batch);
        for (int s = 0; s < batch; s++) {
            inputs[s] = RandomNetworks.gaussian(random, arch.inputs());
        }
        Coordinate c = Coordinate.pre(1, 0);
        EquilibriumResult together = sheaf.equilibrium(inputs).pin(c, values).solve();
        for (int s = 0; s < batch; s++) {
            EquilibriumResult alone = sheaf.equilibrium(inputs[s]).pin(c, values[s]).solve();
            SheafState a = alone.state();
            for (var vertex : sheaf.layout().vertices()) {
                for (int i = 0; i < vertex.width(); i++) {
                    Coordinate k = new Coordinate(vertex.layer(), vertex.stalk(), i);
                    assertEquals(a.get(k, 0), together.state().get(k, s), 0.0, k + " of sample " + s);
                }
            }
        }
    }

    /**
     * A batch sharing the per-weights parts (the folded input, the low-rank activation blocks, or a
     * residual network's assembled weight edges) lands exactly where each sample solved alone does:
     * an input wider than the first layer, a narrow output.
     */
    @Property(tries = 10)
    void aBatchOfWideInputsSolvesEachSampleAlone(@ForAll long seed, @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture drawn = Architecture.relu(OutputActivation.IDENTITY, 6 + random.nextInt(4), 3 + random.nextInt(3),
                1 + random.nextInt(2));
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        int batch = 4;
        double[][] inputs = new double[batch][];
        double[] values = RandomNetworks.gaussian(random, batch);
        for (int s = 0; s < batch; s++) {
            inputs[s] = RandomNetworks.gaussian(random, arch.inputs());
        }
        Coordinate c = Coordinate.pre(arch.layers(), 0);
        EquilibriumResult together = sheaf.equilibrium(inputs).pin(c, values).solve();
        assertTrue(together.certified(), together.toString());
        for (int s = 0; s < batch; s++) {
            double[] alone = sheaf.equilibrium(inputs[s]).pin(c, values[s]).solve().state().sample(0);
            assertArrayEquals(alone, together.state().sample(s), 1e-12, "sample " + s);
        }
    }

    @Property(tries = 20)
    void aPinnedClassifierOutputMatchesDiffusionInEitherMode(@ForAll long seed, @ForAll boolean identityMode,
            @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        OutputActivation head = random.nextBoolean() ? OutputActivation.SIGMOID : OutputActivation.SOFTMAX;
        int outputs = head == OutputActivation.SOFTMAX ? 2 + random.nextInt(3) : 1 + random.nextInt(2);
        Architecture drawn = Architecture.relu(head, 2, 1 + random.nextInt(6), outputs);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, 2);
        double[] target = new double[outputs];
        if (head == OutputActivation.SOFTMAX) {
            target[random.nextInt(outputs)] = 1;
        } else {
            for (int i = 0; i < outputs; i++) {
                target[i] = random.nextDouble(0.05, 0.95);
            }
        }
        Pins.Builder pins = Pins.builder();
        for (int i = 0; i < outputs; i++) {
            pins.hard(Coordinate.post(arch.layers(), i), target[i]);
        }
        OutputEdgeMode mode = identityMode ? OutputEdgeMode.IDENTITY : OutputEdgeMode.JACOBIAN;
        SheafState start = sheaf.forwardPass(x);
        EquilibriumResult exact = sheaf.solveEquilibrium(start, pins.build(),
                EquilibriumSettings.defaults().withMode(mode).withParallel(false));
        assertTrue(exact.certified(), exact.certificate().toString());
        double lambdaMax = lambdaMax(sheaf, start);
        double dt = 0.5 / (lambdaMax + 1);
        DiffusionResult diffusion = sheaf.diffuse(start, pins.build(), DiffusionSettings.defaults().withDt(dt)
                .withMode(mode).withTolerance(1e-14 * dt).withMaxSteps(3_000_000));
        Assume.that(diffusion.converged());
        double[] want = diffusion.state().values();
        double[] got = exact.state().values();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-7, "state entry " + i + " of " + arch + " in " + mode + " mode");
        }
    }

    @Property(tries = 20)
    void partOfAClassifierOutputPinnedOrPulledMatchesDiffusionInJacobianMode(@ForAll long seed,
            @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        OutputActivation head = random.nextBoolean() ? OutputActivation.SIGMOID : OutputActivation.SOFTMAX;
        int outputs = 2 + random.nextInt(3);
        Architecture drawn = Architecture.relu(head, 2, 1 + random.nextInt(6), outputs);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, 2);
        Pins pins = random.nextBoolean()
                ? Pins.builder().hard(Coordinate.post(arch.layers(), 0), random.nextDouble(0.05, 0.95)).build()
                : Pins.builder().soft(Coordinate.post(arch.layers(), outputs - 1), random.nextDouble(0.05, 0.95),
                        random.nextDouble(0.5, 5)).build();
        SheafState start = sheaf.forwardPass(x);
        EquilibriumResult exact = sheaf.solveEquilibrium(start, pins,
                EquilibriumSettings.defaults().withParallel(false));
        assertTrue(exact.certified(), exact.certificate().toString());
        double lambdaMax = lambdaMax(sheaf, start);
        double dt = 0.5 / (lambdaMax + 6);
        DiffusionResult diffusion = sheaf.diffuse(start, pins, DiffusionSettings.defaults().withDt(dt)
                .withTolerance(1e-14 * dt).withMaxSteps(3_000_000));
        Assume.that(diffusion.converged());
        double[] want = diffusion.state().values();
        double[] got = exact.state().values();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-7, "state entry " + i + " of " + arch + " with " + pins.pins());
        }
    }
}
