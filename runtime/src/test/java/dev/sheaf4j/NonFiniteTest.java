package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingSettings;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A result that is not finite is an error naming where it became so: never a value, never certified. */
class NonFiniteTest {
    /** {@code [2, 1, 1]}: {@code z_1 = x_0 + x_1}, {@code z_2 = a_1}. */
    private final Sheaf adder = Sheaf.of(Network.of(Architecture.relu(2, 1, 1), new double[][][] {{{1, 1}}, {{1}}},
            new double[][] {{0}, {0}}));
    private final Sheaf sheaf = Sheaf.create(Architecture.relu(2, 4, 1), 1);

    private static NonFiniteException fails(Executable call, String... fragments) {
        NonFiniteException e = assertThrows(NonFiniteException.class, call);
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
        return e;
    }

    @Test
    void anOverflowingForwardPassNamesTheVertexAndSample() {
        double[] huge = {1e308, 1e308};
        fails(() -> adder.forward(huge), "the forward pass", "z_1[0] of sample 0", "Infinity");
        fails(() -> adder.forwardPass(new double[] {1, 2}, huge), "z_1[0] of sample 1");
        fails(() -> adder.harmonicExtension(huge), "the harmonic extension", "z_1[0] of sample 0");
        fails(() -> sheaf.forward(huge), "the forward pass");
    }

    @Property(tries = 100)
    void hugeInputsGiveFiniteStatesOrAnErrorNamingTheVertex(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth, @ForAll @IntRange(min = 150, max = 308) int exponent) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 6, true);
        Sheaf model = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.copySign(Math.min(1.7, Math.abs(x[i]) + 0.5), x[i]) * Math.pow(10, exponent);
        }
        finiteOrNamed(() -> model.forwardPass(x));
        finiteOrNamed(() -> model.harmonicExtension(x));
    }

    private static void finiteOrNamed(Supplier<SheafState> computation) {
        try {
            for (double v : computation.get().values()) {
                assertTrue(Double.isFinite(v), "a returned state is finite");
            }
        } catch (NonFiniteException e) {
            assertTrue(e.getMessage().matches(".* is not finite at [za](_\\d+|_out)\\[\\d+] of sample 0 .*"),
                    e.getMessage());
        }
    }

    @Test
    void aSpectrumBelowTheEigensolversResolutionIsAnErrorNotAValue() {
        double[] scaled = sheaf.network().parameters();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 1e150;
        }
        Sheaf huge = Sheaf.of(new Network(sheaf.network().architecture(), scaled));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> huge.spectrum(new double[] {1, -1}));
        assertTrue(e.getMessage().startsWith("the spectrum of L_free is below double precision's resolution"),
                e.getMessage());
        assertTrue(sheaf.spectrum(new double[] {1, -1}).lambdaMin() > 0, "an ordinary network keeps its spectrum");
    }

    @Test
    void discordRefusesAStateHoldingNaNAndNamesAnOverflowingEdge() {
        SheafState state = sheaf.forwardPass(new double[] {1, 0.5});
        state.set(Coordinate.post(1, 2), 0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sheaf.discord(state));
        assertTrue(e.getMessage().contains("a_1[2] of sample 0") && e.getMessage().contains("NaN"), e.getMessage());

        SheafState large = sheaf.forwardPass(new double[] {1, 0.5}, new double[] {0, 0});
        large.set(Coordinate.pre(1, 0), 1, 1e200);
        fails(() -> sheaf.discord(large), "the discord", "edge weight 1 of sample 1");
    }

    @Test
    void anEquilibriumWithInfiniteEnergyIsAnErrorNotACertificate() {
        fails(() -> sheaf.equilibrium(new double[] {1e200, 1e200}).pin(Coordinate.pre(1, 0), 0.5).solve(),
                "pinned equilibrium", "edge weight 1 of sample 0");
        EquilibriumResult ordinary = sheaf.equilibrium(new double[] {1, 2}).pin(Coordinate.pre(1, 0), 0.5).solve();
        assertTrue(ordinary.certified() && Double.isFinite(ordinary.certificate().energy()));
    }

    @Test
    void diffusionNamesTheStepVertexAndSampleWhereItOverflows() {
        // the weight edge z_2 = a_1 has the discrepancy a_1 - z_2 = 2e308
        SheafState start = adder.forwardPass(new double[] {1, 0.5});
        start.set(Coordinate.post(1, 0), 0, 1e308);
        start.set(Coordinate.pre(2, 0), 0, -1e308);
        fails(() -> adder.diffuse(start, Pins.none(), DiffusionSettings.defaults()), "diffusion diverged",
                "after step 1 the state is not finite at", "of sample 0", "reduce dt");
        fails(() -> adder.diffuse(start, Pins.none(), DiffusionSettings.defaults().withEnergyTrace(true)),
                "the energy is not finite", "edge activation 1 of sample 0");
    }

    @Test
    void trainingCannotStartFromAnOverflowingForwardPass() {
        Architecture arch = adder.network().architecture();
        Dataset data = Dataset.of(new double[][] {{1, 2}, {1e308, 1e308}}, new double[][] {{0}, {1}});
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        fails(() -> trainer.train(adder.network(), data, null, Pins.none(), TrainingSettings.defaults(),
                TrainingListener.NONE), "the forward pass", "z_1[0] of sample 1");
        Dataset far = Dataset.of(new double[][] {{1, 2}}, new double[][] {{1e300}});
        fails(() -> GradientDescent.train(new GenericKernel(arch), adder.network(), far, null, 0.1, 1, 1, 0, 1),
                "the loss is not finite at sample 0");
    }

    @Test
    void divergingGradientDescentFailsAtOnceWhateverItsEpochLimit() {
        Architecture arch = adder.network().architecture();
        Dataset data = Dataset.of(new double[][] {{1, 2}, {3, -1}}, new double[][] {{0}, {1}});
        fails(() -> GradientDescent.train(new GenericKernel(arch), adder.network(), data, null, 1e300,
                Integer.MAX_VALUE, 2, 0, 1), "diverged at epoch", "lower the learning rate");
    }
}
