package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails at once with a message that names the problem; it never yields a wrong answer. */
class BadInputTest {
    private final Sheaf sheaf = Sheaf.create(Architecture.relu(2, 4, 1), 1);

    private static void rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void architecturesMustHaveAnInputAnOutputAndPositiveWidths() {
        rejects(() -> Architecture.relu(), "at least an input and an output");
        rejects(() -> Architecture.relu(3), "at least an input and an output");
        rejects(() -> Architecture.relu(2, 0, 1), "width of layer 1", "got 0");
        rejects(() -> Architecture.relu(2, -3, 1), "width of layer 1", "got -3");
        rejects(() -> Architecture.relu(OutputActivation.SOFTMAX, 2, 4, 1), "softmax", "at least 2 outputs");
        rejects(() -> new Architecture(new int[] {2, 4, 1}, new double[] {1.5}, OutputActivation.IDENTITY),
                "slope of hidden layer 1");
        rejects(() -> new Architecture(new int[] {2, 4, 1}, new double[0], OutputActivation.IDENTITY),
                "one slope per hidden layer");
    }

    @Test
    void parametersMustFitTheArchitectureAndBeFinite() {
        Architecture arch = Architecture.relu(2, 4, 1);
        rejects(() -> new Network(arch, new double[3]), "parameter array", "length 3", "needs 17");
        double[] p = new double[arch.parameterCount()];
        p[arch.weightOffset(2)] = Double.NaN;
        rejects(() -> new Network(arch, p), "weight 0 of layer 2", "NaN");
        double[] q = new double[arch.parameterCount()];
        q[arch.biasOffset(1) + 3] = Double.POSITIVE_INFINITY;
        rejects(() -> new Network(arch, q), "bias 3 of layer 1", "Infinity");
        rejects(() -> Network.of(arch, new double[][][] {{{1, 2}}, {{1, 2, 3, 4}}}, new double[][] {{0}, {0}}),
                "W_1 must have 4 rows");
    }

    @Test
    void inputsMustHaveTheInputWidthAndBeFinite() {
        rejects(() -> sheaf.forward(new double[3]), "input 0", "length 3", "needs 2");
        rejects(() -> sheaf.forward(new double[] {0, Double.NaN}), "input 0", "entry 1", "NaN");
        rejects(() -> sheaf.harmonicExtension(new double[] {Double.NEGATIVE_INFINITY, 0}), "input 0", "entry 0");
    }

    @Test
    void diffusionSettingsAndStatesAreChecked() {
        rejects(() -> DiffusionSettings.defaults().withDt(0), "dt must be positive");
        rejects(() -> DiffusionSettings.defaults().withDt(-0.1), "dt must be positive");
        rejects(() -> DiffusionSettings.defaults().withDt(Double.NaN), "dt must be positive");
        rejects(() -> DiffusionSettings.defaults().withAlpha(0), "alpha must be positive");
        rejects(() -> DiffusionSettings.defaults().withMaxSteps(0), "maxSteps must be at least 1");
        rejects(() -> DiffusionSettings.defaults().withTolerance(-1), "tolerance");

        SheafState start = sheaf.forwardPass(new double[] {1, 0.5});
        rejects(() -> sheaf.diffuse(start, Pins.none(), DiffusionSettings.defaults().withDt(1.0)),
                "step too large", "lambda_max", "choose dt below");
        SheafState other = Sheaf.create(Architecture.relu(2, 3, 1), 1).forwardPass(new double[] {1, 0.5});
        rejects(() -> sheaf.diffuse(other, Pins.none(), DiffusionSettings.defaults()), "share one architecture");
        SheafState bad = start.copy();
        bad.set(Coordinate.post(1, 2), 0, Double.NaN);
        rejects(() -> sheaf.diffuse(bad, Pins.none(), DiffusionSettings.defaults()), "initial state", "a_1[2]");
    }

    @Test
    void pinsMustNameExistingCoordinatesWithFiniteValuesOnce() {
        SheafState start = sheaf.forwardPass(new double[] {1, 0.5});
        DiffusionSettings s = DiffusionSettings.defaults().withMaxSteps(10);
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.pre(1, 4), 0).build(), s),
                "neuron 4 does not exist", "width 4");
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.pre(3, 0), 0).build(), s), "no layer 3");
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.post(2, 0), 0).build(), s),
                "identity output has no POST stalk");
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.post(0, 0), 0).build(), s),
                "input has a single stalk");
        rejects(() -> Pins.builder().hard(Coordinate.pre(1, 0), Double.NaN), "pin value on z_1[0]", "NaN");
        rejects(() -> Pins.builder().soft(Coordinate.pre(1, 0), 0.0, 0.0), "strength", "positive");
        rejects(() -> Pins.builder().soft(Coordinate.pre(1, 0), 0.0, Double.POSITIVE_INFINITY), "strength");
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.pre(1, 0), 0).hard(Coordinate.pre(1, 0), 1)
                .build(), s), "two pins on z_1[0]");
        rejects(() -> sheaf.diffuse(start, Pins.builder().hard(Coordinate.pre(1, 0), new double[] {1, 2, 3}).build(), s),
                "3 values", "one per sample (1)");
        rejects(() -> sheaf.diffuse(start, Pins.builder().soft(Coordinate.pre(0, 0), 1, 1).build(), s),
                "needs a free input");
    }

    @Test
    void aFullyPinnedNetworkIsRejected() {
        Sheaf tiny = Sheaf.create(Architecture.relu(1, 1), 3);
        SheafState start = tiny.forwardPass(new double[] {1});
        rejects(() -> tiny.diffuse(start, Pins.builder().hard(Coordinate.pre(1, 0), 2).build(),
                DiffusionSettings.defaults()), "every coordinate", "is pinned");
    }

    @Test
    void theExactSolverRefusesWhatItCannotSolveAndSaysWhy() {
        double[] x = {1, 0.5};
        rejects(() -> sheaf.equilibrium(x).pin(Coordinate.pre(1, 0), 1).pin(Coordinate.pre(1, 0), 2).solve(),
                "two pins on z_1[0]");
        rejects(() -> sheaf.equilibrium(x).pin(Coordinate.pre(1, 9), 1).solve(), "neuron 9 does not exist");
        rejects(() -> sheaf.equilibrium(x).pin(Coordinate.pre(1, 0), Double.POSITIVE_INFINITY), "must be finite");
        Sheaf tiny = Sheaf.create(Architecture.relu(1, 1), 3);
        rejects(() -> tiny.equilibrium(new double[] {1}).pin(Coordinate.pre(1, 0), 2).solve(), "is pinned");
        rejects(() -> sheaf.equilibrium(x).freeInput().pin(Coordinate.pre(2, 0), 0.8).solve(),
                "flat in some direction", "soft pin");
        Sheaf classifier = Sheaf.create(Architecture.relu(OutputActivation.SOFTMAX, 2, 3, 3), 4);
        dev.sheaf4j.solve.EquilibriumSettings identity = dev.sheaf4j.solve.EquilibriumSettings.defaults()
                .withMode(dev.sheaf4j.kernel.OutputEdgeMode.IDENTITY);
        rejects(() -> classifier.equilibrium(x).pin(Coordinate.post(2, 0), 0.9).settings(identity).solve(),
                "all or none of a_out", "Jacobian mode");
        rejects(() -> classifier.equilibrium(x).softPin(Coordinate.post(2, 0), 0.9, 1).settings(identity).solve(),
                "some softly");
    }

    /** A residual network's singular pinned problem is refused as a plain one's, naming the same block. */
    @Test
    void theExactSolverRefusesASingularResidualProblemAsAPlainOne() {
        double[] x = {1, 0.5};
        Sheaf residual = Sheaf.of(new Network(sheaf.network().architecture().withSkips(
                java.util.List.of(dev.sheaf4j.network.Skip.projection(0, 2))), java.util.Arrays.copyOf(
                sheaf.network().parameters(), sheaf.network().parameters().length + 2)));
        dev.sheaf4j.solve.SingularSystemException plain = assertThrows(dev.sheaf4j.solve.SingularSystemException.class,
                () -> sheaf.equilibrium(x).freeInput().pin(Coordinate.pre(2, 0), 0.8).solve());
        dev.sheaf4j.solve.SingularSystemException skipped = assertThrows(
                dev.sheaf4j.solve.SingularSystemException.class,
                () -> residual.equilibrium(x).freeInput().pin(Coordinate.pre(2, 0), 0.8).solve());
        org.junit.jupiter.api.Assertions.assertEquals(plain.getMessage(), skipped.getMessage());
    }
}
