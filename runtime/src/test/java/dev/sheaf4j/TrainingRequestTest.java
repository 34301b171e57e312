package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Weights;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.NudgeSettings;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fluent training request: the same runs as the trainer, declared pins, the typed model back. */
class TrainingRequestTest {
    private static final Architecture ARCH = Architecture.relu(2, 6, 1);
    private static final Coordinate PINNED = Coordinate.pre(1, 0);
    private static final Dataset DATA = data(new SplittableRandom(5), 24);
    private static final Dataset TEST = data(new SplittableRandom(6), 8);
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withSchedule(3, 40)
            .withBeta(0.05).withInit(StalkInit.RANDOM, 11).withWarmStart(true).withBatchSize(8);

    /** A model declaring one hard pin, as a generated class would. */
    private record PinnedModel(Sheaf sheaf) implements SheafModel {
        @Override
        public Network network() {
            return sheaf.network();
        }

        @Override
        public SheafKernel kernel() {
            return sheaf.kernel();
        }

        @Override
        public Pins declaredPins() {
            return Pins.builder().hard(PINNED, 0.25).build();
        }

        @Override
        public PinnedModel withWeights(Weights weights) {
            return new PinnedModel(sheaf.withWeights(weights));
        }
    }

    private static Dataset data(SplittableRandom random, int n) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            y[s] = x[s][0] * x[s][0] - x[s][1];
        }
        return Dataset.of(x, y);
    }

    private static TrainingResult byTrainer(SheafModel model, Pins pins) {
        return new SheafTrainer(model.kernel()).train(model.network(), DATA, TEST, pins, SETTINGS,
                TrainingListener.NONE);
    }

    @Test
    void theRequestRunsWhatTheTrainerRunsAndGivesTheModelBack() {
        Sheaf sheaf = Sheaf.create(ARCH, 3);
        TrainedModel trained = sheaf.training(DATA).test(TEST).epochs(3).stepsPerEpoch(40).weightRate(0.05)
                .stalks(StalkInit.RANDOM, true).seed(11).batchSize(8).run();
        TrainingResult expected = byTrainer(sheaf, Pins.none());
        assertEquals(expected.network(), trained.result().network());
        assertEquals(expected.testLoss().length, trained.result().testLoss().length);
        Sheaf model = trained.model();
        assertEquals(expected.network(), model.network());
        assertEquals(Network.heInitialised(ARCH, 3), sheaf.network(), "the model trained from is left as it was");
    }

    @Test
    void settingsCanBeGivenWhole() {
        Sheaf sheaf = Sheaf.create(ARCH, 3);
        TrainingResult result = sheaf.training(DATA).test(TEST).settings(SETTINGS).run().result();
        assertEquals(byTrainer(sheaf, Pins.none()).network(), result.network());
    }

    @Test
    void declaredPinsHoldUnlessLeftOut() {
        PinnedModel model = new PinnedModel(Sheaf.create(ARCH, 3));
        TrainedModel pinned = model.training(DATA).test(TEST).settings(SETTINGS).run();
        assertEquals(byTrainer(model, model.declaredPins()).network(), pinned.result().network());
        for (int s = 0; s < DATA.size(); s++) {
            assertEquals(0.25, pinned.result().stalks().get(PINNED, s), 0.0, "sample " + s);
        }
        PinnedModel typed = pinned.model();
        assertEquals(model.declaredPins(), typed.declaredPins());

        TrainedModel free = model.training(DATA).test(TEST).settings(SETTINGS).withoutDeclaredPins().run();
        assertEquals(byTrainer(model, Pins.none()).network(), free.result().network());
        assertNotEquals(pinned.result().network(), free.result().network());

        Pins more = Pins.builder().hard(Coordinate.pre(1, 1), -0.5).build();
        TrainedModel both = model.training(DATA).test(TEST).settings(SETTINGS).pins(more).run();
        assertEquals(byTrainer(model, model.declaredPins().and(more)).network(), both.result().network());
        TrainedModel onlyMore = model.training(DATA).test(TEST).settings(SETTINGS).pins(more).withoutDeclaredPins()
                .run();
        assertEquals(byTrainer(model, more).network(), onlyMore.result().network());
    }

    @Test
    void theListenerHearsEachEpochAndMayStop() {
        List<Integer> heard = new ArrayList<>();
        TrainedModel trained = Sheaf.create(ARCH, 3).training(DATA).settings(SETTINGS).listener(report -> {
            heard.add(report.epoch());
            return report.epoch() < 2;
        }).run();
        assertEquals(List.of(1, 2), heard);
        assertEquals(2, trained.result().epochs());
        assertTrue(trained.result().stopReason().contains("stopped by the listener"), trained.result().stopReason());
    }

    @Test
    void equilibriumTrainingIsOneCallAway() {
        Sheaf sheaf = Sheaf.create(ARCH, 3);
        TrainingSettings settings = SETTINGS.withSchedule(2, 5).withBatchSize(0);
        TrainingResult expected = new SheafTrainer(sheaf.kernel()).trainAtEquilibrium(sheaf.network(), DATA, null,
                Pins.none(), settings, TrainingListener.NONE);
        assertEquals(expected.network(), sheaf.training(DATA).settings(settings).atEquilibrium().run().model()
                .network());
    }

    @Test
    void nudgedTrainingIsOneCallAwayAndTheLastMethodChosenRuns() {
        Sheaf sheaf = Sheaf.create(ARCH, 3);
        TrainingSettings settings = SETTINGS.withSchedule(2, 5);
        NudgeSettings rule = NudgeSettings.of(0.05).withMomentum(0.3);
        TrainingResult expected = new SheafTrainer(sheaf.kernel()).trainNudged(sheaf.network(), DATA, null,
                Pins.none(), settings, rule, TrainingListener.NONE);
        assertEquals(expected.network(), sheaf.training(DATA).settings(settings).atEquilibrium().nudged(rule).run()
                .model().network());
        assertEquals(new SheafTrainer(sheaf.kernel()).trainAtEquilibrium(sheaf.network(), DATA, null, Pins.none(),
                settings, TrainingListener.NONE).network(), sheaf.training(DATA).settings(settings).nudged(rule)
                .atEquilibrium().run().model().network());
    }

    @Test
    void badSettingsAreRefusedWhereTheyAreGiven() {
        Sheaf sheaf = Sheaf.create(ARCH, 3);
        assertMessage(() -> sheaf.training(DATA).epochs(-1), "epochs must not be negative, got -1");
        assertMessage(() -> sheaf.training(DATA).weightRate(0), "weight rate must be positive and finite, got 0.0");
        assertMessage(() -> sheaf.training(DATA).batchSize(-2), "batch size must be 0 (full batch) or positive");
        assertMessage(() -> sheaf.training(DATA).threads(0), "threads must be at least 1");
        Dataset wrong = Dataset.of(new double[][] {{1, 2, 3}}, new double[] {1});
        assertMessage(() -> sheaf.training(wrong).epochs(1).run(), "the data has 3 inputs");
    }

    @Test
    void aTrainedModelPrintsASummary() {
        TrainedModel trained = Sheaf.create(ARCH, 3).training(DATA).test(TEST).settings(SETTINGS).run();
        String text = trained.toString();
        assertTrue(text.startsWith("TrainedModel[Sheaf[2, 6, 1] identity, TrainingResult[3 epochs in "), text);
        assertTrue(text.contains("completed 3 epochs"), text);
        assertTrue(text.length() < 600, text);
    }

    private static void assertMessage(Runnable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
