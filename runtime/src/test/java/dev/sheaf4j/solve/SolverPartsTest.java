package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The parts of the exact pinned solver, each on its own: the energy, the kink set and the line search. */
class SolverPartsTest {
    /**
     * A random identity-head network, with random skips when {@code residual}, and soft pins on a
     * hidden and an output pre-activation.
     */
    private record Problem(GenericKernel kernel, Network network, PinSet pins, double[] state) {
        static Problem random(long seed, int depth) {
            return random(seed, depth, false);
        }

        static Problem random(long seed, int depth, boolean residual) {
            SplittableRandom random = new SplittableRandom(seed);
            Architecture plain = Architecture.relu(OutputActivation.IDENTITY, widths(random, depth));
            Architecture arch = residual ? RandomNetworks.withSkips(random, plain) : plain;
            GenericKernel kernel = new GenericKernel(arch);
            Pins pins = Pins.builder().soft(Coordinate.pre(1, 0), random.nextGaussian(), random.nextDouble(0.5, 3))
                    .soft(Coordinate.pre(arch.layers(), 0), random.nextGaussian(), 1.0).build();
            double[] state = RandomNetworks.gaussian(random, kernel.layout().stateSize());
            return new Problem(kernel, RandomNetworks.network(random, arch), pins.compile(kernel.layout(), 1), state);
        }

        private static int[] widths(SplittableRandom random, int depth) {
            int[] widths = new int[depth + 1];
            for (int l = 0; l <= depth; l++) {
                widths[l] = l == depth ? 1 + random.nextInt(2) : 1 + random.nextInt(5);
            }
            return widths;
        }

        SheafLayout layout() {
            return kernel.layout();
        }

        PinnedEnergy energy() {
            return new PinnedEnergy(kernel, network.parameters(), pins, 0, output());
        }

        OutputTerm output() {
            return new OutputTerm(OutputTreatment.NONE, layout(), pins, 0);
        }

        boolean[] solved() {
            boolean[] solved = new boolean[layout().stateSize()];
            Arrays.fill(solved, layout().architecture().inputs(), solved.length, true);
            return solved;
        }
    }

    @Property(tries = 30)
    void thePinnedEnergyOfAnIdentityHeadIsTheSheafEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth) {
        Problem p = Problem.random(seed, depth);
        double expected = Energy.of(p.kernel(), p.network().parameters(), p.state(), p.pins(),
                new Workspace(p.layout(), 1));
        assertEquals(expected, p.energy().of(p.state()), 1e-12 * (1 + expected));
    }

    @Property(tries = 30)
    void thePinnedGradientIsTheEnergysSlope(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int depth,
            @ForAll boolean residual) {
        Problem p = Problem.random(seed, depth, residual);
        PinnedEnergy energy = p.energy();
        double[] g = gradientOf(energy, p.state());
        double h = 1e-6;
        for (int c = p.layout().architecture().inputs(); c < g.length; c++) {
            double[] plus = p.state().clone();
            double[] minus = p.state().clone();
            plus[c] += h;
            minus[c] -= h;
            double slope = (energy.of(plus) - energy.of(minus)) / (2 * h);
            assertEquals(slope, g[c], 1e-5 * (1 + Math.abs(slope)), "coordinate " + c);
        }
    }

    @Property(tries = 30)
    void crossingsAreTheOrderedSignChangesAlongAStep(@ForAll long seed) {
        Problem p = Problem.random(seed, 3);
        KinkSet kinks = new KinkSet(p.layout(), p.solved());
        double[] v = p.state();
        double[] step = RandomNetworks.gaussian(new SplittableRandom(seed + 1), v.length);
        double[] crossings = kinks.crossings(v, step);
        for (int k = 0; k < crossings.length; k++) {
            assertTrue(crossings[k] > 0 && crossings[k] < 1 && (k == 0 || crossings[k - 1] <= crossings[k]));
            double[] moved = new double[v.length];
            for (int c = 0; c < v.length; c++) {
                moved[c] = v[c] + crossings[k] * step[c];
            }
            kinks.snap(v, step, crossings[k], moved);
            assertTrue(kinks.moved(v, step, moved) >= 1, "a crossing changes a sign class");
        }
    }

    @Property(tries = 30)
    void aKinkThatWantsBackAndForthIsHeld(@ForAll long seed) {
        Problem p = Problem.random(seed, 2);
        KinkSet kinks = new KinkSet(p.layout(), p.solved());
        int z = p.layout().preOffset(1);
        double[] v = p.state();
        v[z] = 0;
        double[] down = new double[v.length];
        down[z] = -1;
        double[] up = new double[v.length];
        up[z] = 1;
        assertFalse(kinks.consistent(v, down), "the positive side taken first must switch");
        assertTrue(kinks.consistent(v, down));
        assertFalse(kinks.consistent(v, up));
        assertTrue(kinks.isClamped(z));
        assertEquals(1, kinks.clampedCount());
        boolean[] active = p.solved();
        kinks.pattern(v, active, new double[v.length]);
        assertFalse(active[z], "a held kink is out of the step");
    }

    /**
     * Inside the pattern the gradient is affine, so a step solving {@code (H + shift I) u = -g} must
     * give {@code g(v + t u) = (1 - t) g(v) - t shift u} on every solved coordinate, for any {@code t}
     * short of the first zero crossing.
     */
    @Property(tries = 40)
    void theStepSolvesTheShiftedNewtonSystemOfThePattern(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth, @ForAll boolean shifted, @ForAll boolean residual) {
        Problem p = Problem.random(seed, depth, residual);
        PinnedWeights weights = new PinnedWeights(p.kernel(), p.network());
        PinnedEnergy energy = p.energy();
        KinkSet kinks = new KinkSet(p.layout(), p.solved());
        double[] v = p.state();
        double[] g = gradientOf(energy, v);
        double shift = shifted ? weights.curvatureBound() : 0;
        double[] u = new NewtonStep(weights.system(), kinks, p.output(), p.solved(), energy.strength()).at(v, g, shift);
        double[] crossings = kinks.crossings(v, u);
        double t = 0.5 * (crossings.length == 0 ? 1.0 : crossings[0]);
        double[] moved = v.clone();
        for (int c = 0; c < v.length; c++) {
            moved[c] += t * u[c];
        }
        double[] after = gradientOf(energy, moved);
        boolean[] solved = p.solved();
        for (int c = 0; c < v.length; c++) {
            if (solved[c]) {
                double expected = (1 - t) * g[c] - t * shift * u[c];
                assertEquals(expected, after[c], 1e-9 * (1 + Math.abs(g[c]) + Math.abs(u[c])), "coordinate " + c);
            }
        }
    }

    @Property(tries = 30)
    void theLineSearchLandsWhereTheEnergySaysAndNeverHigher(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth, @ForAll boolean residual) {
        Problem p = Problem.random(seed, depth, residual);
        PinnedWeights weights = new PinnedWeights(p.kernel(), p.network());
        PinnedEnergy energy = p.energy();
        KinkSet kinks = new KinkSet(p.layout(), p.solved());
        OutputTerm output = p.output();
        LineSearch search = new LineSearch(p.layout(), new WeightEdges(weights, null), energy, kinks, output);
        double[] v = p.state();
        double[] g = gradientOf(energy, v);
        kinks.takeSides(v, g);
        double[] step = new NewtonStep(weights.system(), kinks, output, p.solved(), energy.strength()).at(v, g, 0);
        double e0 = energy.of(v);
        double[] move = search.along(v, step, g, e0);
        assertNotNull(move, "a Newton step of a random start descends");
        search.move(v, step, move[0]);
        assertEquals(energy.of(v), move[1], 1e-12 * (1 + e0));
        assertTrue(move[1] < e0);
    }

    /**
     * The weight edges' residuals are the kernel's discrepancies on those edges, whether the input
     * term is computed once (input fixed) or at every point, and they change along a step by its slopes.
     */
    @Property(tries = 30)
    void theWeightEdgesAreTheKernelsDiscrepanciesAndAffineAlongAStep(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 4) int depth, @ForAll boolean inputFixed, @ForAll boolean residual) {
        Problem p = Problem.random(seed, depth, residual);
        SheafLayout layout = p.layout();
        double[] v = p.state();
        double[] product = new InputProducts(layout.architecture(), p.network().parameters(), v, 1).of(0);
        WeightEdges edges = new WeightEdges(new PinnedWeights(p.kernel(), p.network()), inputFixed ? product : null);
        double[] step = RandomNetworks.gaussian(new SplittableRandom(seed), v.length);
        if (inputFixed) {
            Arrays.fill(step, 0, layout.architecture().inputs(), 0.0);
        }
        double[] want = new double[layout.discrepancySize()];
        p.kernel().discrepancies(p.network().parameters(), v, 1, want);
        double[] moved = v.clone();
        for (int c = 0; c < v.length; c++) {
            moved[c] += step[c];
        }
        double[] wantMoved = new double[want.length];
        p.kernel().discrepancies(p.network().parameters(), moved, 1, wantMoved);
        double[] got = new double[want.length];
        double[] slopes = new double[want.length];
        edges.residuals(v, got);
        edges.slopes(step, slopes);
        for (int l = 1; l <= layout.architecture().layers(); l++) {
            int r = layout.preOffset(l) - layout.architecture().inputs();
            for (int i = r; i < r + layout.architecture().width(l); i++) {
                assertEquals(want[i], got[i], 1e-12 * (1 + Math.abs(want[i])), "weight edge " + l);
                assertEquals(wantMoved[i] - want[i], slopes[i], 1e-9 * (1 + Math.abs(want[i])), "slope " + l);
            }
        }
    }

    /**
     * With the input pinned, the energy and the gradient on every other coordinate are the same
     * computed on the network with its input folded in, whatever the head and the output's treatment.
     */
    @Property(tries = 30)
    void foldingAPinnedInputKeepsTheEnergyAndTheGradient(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int layers, @ForAll OutputTreatment treatment,
            @ForAll boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture drawn = RandomNetworks.architecture(random, layers, 6, true);
        Architecture arch = residual ? RandomNetworks.withSkips(random, drawn) : drawn;
        Assume.that((treatment == OutputTreatment.NONE) == !arch.hasOutputVertex());
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        PinSet pins = Pins.builder().soft(Coordinate.pre(arch.layers(), 0), random.nextGaussian(), 1.5).build()
                .compile(layout, 1);
        OutputTerm output = new OutputTerm(treatment, layout, pins, 0);
        PinnedEnergy plain = new PinnedEnergy(kernel, network.parameters(), pins, 0, output);
        double[] v = RandomNetworks.gaussian(random, layout.stateSize());
        PinnedEnergy folded = new PinnedEnergy(new PinnedInput(arch, network.parameters()),
                new InputProducts(arch, network.parameters(), v, 1).of(0), layout, pins, 0, output);
        assertEquals(plain.of(v), folded.of(v), 1e-12 * (1 + Math.abs(plain.of(v))));
        double[] want = gradientOf(plain, v);
        double[] got = gradientOf(folded, v);
        for (int c = arch.inputs(); c < v.length; c++) {
            assertEquals(want[c], got[c], 1e-12 * (1 + Math.abs(want[c])), "coordinate " + c);
        }
    }

    @Property(tries = 20)
    void aWarmStartLandsOnTheColdEquilibriumAfterAWeightStep(@ForAll long seed) {
        Problem p = Problem.random(seed, 3);
        Pins pin = Pins.builder().hard(Coordinate.pre(1, 0), 0.5).build();
        EquilibriumSettings cold = EquilibriumSettings.defaults().withParallel(false);
        double[] x = Arrays.copyOf(p.state(), p.layout().stateSize());
        SheafState start = new SheafState(p.layout(), 1, x);
        p.kernel().forward(p.network().parameters(), x, 1);
        EquilibriumResult before = PinnedEquilibrium.solve(p.kernel(), p.network(), start, pin, cold);
        double[] nudged = p.network().parameters();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] += 1e-3 * random.nextGaussian();
        }
        Network after = new Network(p.network().architecture(), nudged);
        EquilibriumResult coldAfter = PinnedEquilibrium.solve(p.kernel(), after, start, pin, cold);
        EquilibriumResult warmAfter = PinnedEquilibrium.solve(p.kernel(), after, before.state(), pin,
                cold.withWarmStart(true));
        assertTrue(warmAfter.certified(), warmAfter.toString());
        assertTrue(coldAfter.certified(), coldAfter.toString());
        Certificate a = before.certificate();
        Certificate b = coldAfter.certificate();
        if (a.patternChanges() + a.atKink() + b.patternChanges() + b.atKink() == 0) {
            // one pattern throughout: its quadratic's minimiser, reached by a single Newton step
            assertArrayEquals(coldAfter.state().values(), warmAfter.state().values(), 1e-9);
            assertEquals(1, warmAfter.certificate().iterations(), warmAfter.certificate().toString());
        }
    }

    @Property(tries = 10)
    void aTreatmentRefusesPartOfAClassifierOutputInIdentityMode(@ForAll @IntRange(min = 2, max = 4) int outputs) {
        Architecture arch = Architecture.relu(OutputActivation.SOFTMAX, 2, 3, outputs);
        SheafLayout layout = new SheafLayout(arch);
        PinSet one = Pins.builder().hard(Coordinate.post(2, 0), 1.0).build().compile(layout, 1);
        UnsupportedPinsException e = assertThrows(UnsupportedPinsException.class,
                () -> OutputTreatment.of(layout, one, OutputEdgeMode.IDENTITY));
        String refusal = "in identity mode the exact solver needs all or none of a_out hard-pinned";
        assertTrue(e.getMessage().startsWith(refusal), e.getMessage());
        assertEquals(OutputTreatment.OUTPUT_EDGE, OutputTreatment.of(layout, one, OutputEdgeMode.JACOBIAN));
    }

    /** The gradient of {@code energy} at {@code v}, in a new array. */
    private static double[] gradientOf(PinnedEnergy energy, double[] v) {
        double[] g = new double[v.length];
        energy.gradient(v, g);
        return g;
    }
}
