package dev.sheaf4j.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.Predictions;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Pinned discord, spectral surveys and convergence checks against independent computations. */
class DiagnosticsTest {

    @Test
    void summaryGivesQuartilesByInterpolation() {
        Summary s = Summary.of(new double[] {4, 1, 3, 2, 5});
        assertEquals(3, s.median(), 0.0);
        assertEquals(2, s.lowerQuartile(), 0.0);
        assertEquals(4, s.upperQuartile(), 0.0);
        assertEquals(3, s.mean(), 1e-15);
        assertEquals(Math.sqrt(2), s.deviation(), 1e-15);
    }

    @Test
    void aSummaryOfValuesThatAreNotFiniteIsRefusedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Summary.of(new double[] {1, Double.NaN}));
        assertEquals("the values to summarise must be finite, but entry 1 is NaN", e.getMessage());
    }

    private static Dataset labelledByTheNetwork(Sheaf sheaf, SplittableRandom random, int n) {
        Architecture arch = sheaf.network().architecture();
        double[] x = RandomNetworks.gaussian(random, arch.inputs() * n);
        Dataset unlabelled = new Dataset(n, arch.inputs(), arch.outputs(), x, new double[arch.outputs() * n]);
        double[] y = Predictions.outputs(sheaf.kernel(), sheaf.network().parameters(), unlabelled);
        return new Dataset(n, arch.inputs(), arch.outputs(), x, y);
    }

    @Property(tries = 15)
    void pinningTheOutputToTheNetworksOwnPredictionCreatesNoDiscord(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OutputActivation head = OutputActivation.values()[random.nextInt(3)];
        Architecture arch = Architecture.relu(head, 2, 1 + random.nextInt(8), head == OutputActivation.SOFTMAX ? 3 : 1);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        PinnedDiscord discord = PinnedDiscord.of(sheaf, labelledByTheNetwork(sheaf, random, 12));
        assertEquals(12, discord.certified());
        assertEquals(0.0, discord.total().mean(), 1e-18, arch.toString());
    }

    @Test
    void pinnedDiscordOfWrongLabelsSumsOverEdgesAndLayers() {
        SplittableRandom random = new SplittableRandom(4);
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 6, 5, 1), 8);
        Dataset data = new Dataset(20, 2, 1, RandomNetworks.gaussian(random, 40), RandomNetworks.gaussian(random, 20));
        PinnedDiscord discord = PinnedDiscord.of(sheaf, data);
        assertTrue(discord.total().mean() > 0);
        double edges = discord.perEdge().stream().mapToDouble(Summary::mean).sum();
        double layers = discord.byLayer().values().stream().mapToDouble(Summary::mean).sum();
        assertEquals(discord.total().mean(), edges, 1e-12);
        assertEquals(discord.total().mean(), layers, 1e-12);
    }

    @Test
    void aSurveyOfOneInputIsThatInputsSpectrum() {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 7, 4, 1), 3);
        Dataset one = new Dataset(1, 2, 1, new double[] {0.3, -0.8}, new double[] {0});
        SpectralSurvey survey = SpectralSurvey.of(sheaf, one, 10);
        Spectrum spectrum = sheaf.spectrum(new double[] {0.3, -0.8});
        assertEquals(spectrum.lambdaMin(), survey.lambdaMin().median(), 0.0);
        assertEquals(spectrum.conditionNumber(), survey.conditionNumber().median(), 0.0);
        assertEquals(1.0, survey.fiedlerStability(), 1e-12);
        double shares = survey.fiedlerShares().values().stream().mapToDouble(Summary::median).sum();
        assertEquals(1.0, shares, 1e-12);
        assertEquals(java.util.List.of("z_1", "a_1", "z_2", "a_2", "z_3"), survey.blocks());
    }

    /**
     * From a start with weight on the slowest mode (the Fiedler vector of the forward pass's
     * pattern, added to Gaussian noise), the fitted rate is {@code 2 lambda_min}, within the
     * issue's 10%: the measured rate reaches it only as the next slowest mode dies out.
     */
    @Property(tries = 20)
    void theFittedDecayRateIsTheSpectralGapsRate(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Sheaf sheaf = randomSheaf(random, depth);
        SheafState start = sheaf.forwardPass(RandomNetworks.gaussian(random, sheaf.network().architecture().inputs()));
        Spectrum spectrum = sheaf.spectrum(start.input(0));
        perturb(start, random, spectrum.fiedlerVector());
        ConvergenceCheck check = longDiffusion(sheaf, start, spectrum.lambdaMax());
        assertEquals(check.predictedFinal(), check.fittedRate(), 0.1 * check.predictedFinal(), check.toString());
    }

    /**
     * From any start the fitted rate is at least the guaranteed {@code 2 lambda_*}; it may be faster
     * for a long time when the start hardly touches the slowest mode.
     */
    @Property(tries = 20)
    void theFittedDecayRateIsAtLeastTheGuaranteedRate(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Sheaf sheaf = randomSheaf(random, depth);
        SheafState start = sheaf.forwardPass(RandomNetworks.gaussian(random, sheaf.network().architecture().inputs()));
        perturb(start, random, new double[0]);
        ConvergenceCheck check = longDiffusion(sheaf, start, sheaf.spectrum(start.input(0)).lambdaMax());
        assertTrue(check.fittedRate() >= 0.9 * check.predictedBound(), check.toString());
    }

    private static Sheaf randomSheaf(SplittableRandom random, int depth) {
        Architecture arch = RandomNetworks.architecture(random, depth, 6, false);
        return Sheaf.of(RandomNetworks.network(random, arch));
    }

    /**
     * Adds unit Gaussian noise to every non-input coordinate of {@code state}, and {@code mode}
     * (indexed from the first free coordinate), scaled to the noise's expected norm.
     */
    private static void perturb(SheafState state, SplittableRandom random, double[] mode) {
        double[] v = state.values();
        int inputs = state.layout().architecture().inputs();
        double norm = 0;
        for (double m : mode) {
            norm += m * m;
        }
        double scale = mode.length == 0 ? 0 : Math.sqrt((v.length - inputs) / norm);
        for (int i = inputs; i < v.length; i++) {
            v[i] += random.nextGaussian() + (i - inputs < mode.length ? scale * mode[i - inputs] : 0);
        }
    }

    /** The convergence check of a diffusion from {@code start} to rounding level, with {@code dt = 0.05 / lambda_max}. */
    private static ConvergenceCheck longDiffusion(Sheaf sheaf, SheafState start, double lambdaMax) {
        double dt = 0.05 / lambdaMax;
        DiffusionResult run = sheaf.diffuse(start, Pins.none(), DiffusionSettings.defaults().withDt(dt)
                .withTolerance(1e-13 * dt).withMaxSteps(2_000_000).withEnergyTrace(true));
        return ConvergenceCheck.of(sheaf.network(), run, 1.0, dt);
    }

    @Test
    void theTrackerSurveysTheSpectrumAtItsInterval() {
        Architecture arch = Architecture.relu(2, 6, 1);
        SplittableRandom random = new SplittableRandom(2);
        Sheaf sheaf = Sheaf.create(arch, 2);
        Dataset data = new Dataset(30, 2, 1, RandomNetworks.gaussian(random, 60), RandomNetworks.gaussian(random, 30));
        SpectralTracker tracker = new SpectralTracker(data.select(new int[] {0, 1, 2}), 2).start(sheaf.network());
        new dev.sheaf4j.train.SheafTrainer(sheaf.kernel()).train(sheaf.network(), data, null, Pins.none(),
                dev.sheaf4j.train.TrainingSettings.defaults().withSchedule(5, 20), tracker);
        assertEquals(java.util.List.of(0, 2, 4), tracker.points().stream().map(SpectralTracker.Point::epoch).toList());
        assertEquals(SpectralSurvey.of(sheaf, data.select(new int[] {0, 1, 2}), 3).lambdaMin().median(),
                tracker.points().get(0).survey().lambdaMin().median(), 0.0);
    }
}
