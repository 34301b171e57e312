package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.parallel.ThreadPolicy;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Sheaf training and its baseline: gradients, determinism, divergence, early stopping, pins. */
class TrainingTest {
    static Dataset randomData(SplittableRandom random, Architecture arch, int n) {
        double[] x = RandomNetworks.gaussian(random, arch.inputs() * n);
        double[] y = new double[arch.outputs() * n];
        for (int s = 0; s < n; s++) {
            int hot = random.nextInt(arch.outputs());
            for (int i = 0; i < arch.outputs(); i++) {
                y[i * n + s] = switch (arch.head()) {
                    case IDENTITY -> random.nextGaussian();
                    case SIGMOID -> random.nextInt(2);
                    case SOFTMAX -> i == hot ? 1 : 0;
                };
            }
        }
        return new Dataset(n, arch.inputs(), arch.outputs(), x, y);
    }

    /** Inputs scaled by 0.3: sigmoid outputs stay away from 0 and 1, where finite differences lose digits. */
    static Dataset smallInputs(Dataset data) {
        double[] x = data.inputs();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 0.3;
        }
        return new Dataset(data.size(), data.inputDimension(), data.targetDimension(), x, data.targets());
    }

    /** The derivative of the loss in parameter {@code k}, by central differences. */
    static double lossDerivative(GenericKernel kernel, double[] p, Dataset data, int k) {
        double h = 1e-6;
        double[] up = p.clone();
        double[] down = p.clone();
        up[k] += h;
        down[k] -= h;
        return (Predictions.loss(kernel, up, data) - Predictions.loss(kernel, down, data)) / (2 * h);
    }

    @Property(tries = 30)
    void backpropagationTakesTheFiniteDifferenceGradientStep(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        assertBackpropagationStepIsTheGradientStep(random, RandomNetworks.architecture(random, depth, 5, true));
    }

    /** Through skip connections too: the projections move by {@code -rate dLoss/dP}. */
    @Property(tries = 30)
    void residualBackpropagationTakesTheFiniteDifferenceGradientStep(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden) {
        SplittableRandom random = new SplittableRandom(seed);
        assertBackpropagationStepIsTheGradientStep(random, RandomNetworks.residual(random, hidden, 6, true));
    }

    private static void assertBackpropagationStepIsTheGradientStep(SplittableRandom random, Architecture arch) {
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        Dataset data = smallInputs(randomData(random, arch, 7));
        // finite differences are meaningless across a ReLU kink: skip draws with a hidden
        // pre-activation near zero
        double[] state = Predictions.stateWithInputs(kernel.layout(), data);
        kernel.forward(network.parameters(), state, data.size());
        for (int l = 1; l < arch.layers(); l++) {
            int from = kernel.layout().preOffset(l) * data.size();
            for (int i = from; i < from + arch.width(l) * data.size(); i++) {
                Assume.that(Math.abs(state[i]) > 1e-4);
            }
        }
        // nor near a saturated probability, where the loss is clamped or log(1 - p) loses digits (deep
        // residual networks reach such outputs even from small inputs)
        if (arch.hasOutputVertex()) {
            int from = kernel.layout().outputVertexOffset() * data.size();
            for (int i = from; i < from + arch.outputs() * data.size(); i++) {
                Assume.that(Math.min(state[i], 1 - state[i]) > 1e-3);
            }
        }
        double rate = 0.01;
        double[] after = GradientDescent.train(kernel, network, data, null, rate, 1, data.size(), 0, 1)
                .network().parameters();
        double[] p = network.parameters();
        for (int k = 0; k < p.length; k++) {
            double g = lossDerivative(kernel, p, data, k);
            assertEquals(p[k] - rate * g, after[k], 1e-8 * (1 + Math.abs(g)), "parameter " + k + " of " + arch);
        }
    }

    @Test
    void trainingIsDeterministicForASeedAndLowersTheLoss() {
        Architecture arch = Architecture.relu(2, 8, 1);
        SplittableRandom random = new SplittableRandom(3);
        Dataset data = randomData(random, arch, 40);
        Network initial = Network.heInitialised(arch, 4);
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(5, 200)
                .withInit(StalkInit.RANDOM, 9).withWarmStart(true);
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        TrainingResult a = trainer.train(initial, data, null, Pins.none(), settings, TrainingListener.NONE);
        TrainingResult b = trainer.train(initial, data, null, Pins.none(), settings, TrainingListener.NONE);
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        assertArrayEquals(a.trainLoss(), b.trainLoss());
        assertTrue(a.finalTrainLoss() < a.trainLoss()[0], "loss " + a.trainLoss()[0] + " -> " + a.finalTrainLoss());
        assertEquals(6, a.trainLoss().length);
        assertFalse(a.diverged());
    }

    @Test
    void aResultPrintsASummaryNotEveryStalk() {
        Architecture arch = Architecture.relu(2, 30, 1);
        Dataset data = randomData(new SplittableRandom(8), arch, 200);
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).train(Network.heInitialised(arch, 1), data,
                null, Pins.none(), TrainingSettings.defaults().withSchedule(2, 5), TrainingListener.NONE);
        String text = result.toString();
        assertTrue(text.length() < 500, text.length() + " characters: " + text);
        assertTrue(text.contains("train loss " + result.trainLoss()[0] + " -> " + result.finalTrainLoss()), text);
        assertTrue(text.contains("completed 2 epochs") && text.contains("stalks of 200 samples"), text);
    }

    @Test
    void divergenceStopsWithAClearReasonAndKeepsTheLastGoodWeights() {
        divergesKeepingTheLastGoodWeights(false, TrainingSettings.defaults().withSchedule(20, 200).withBeta(5e3));
    }

    @Test
    void divergingEquilibriumTrainingStopsAndKeepsTheLastGoodWeights() {
        // a huge weight rate: the linear solver used to throw and lose the run
        divergesKeepingTheLastGoodWeights(true, TrainingSettings.defaults().withSchedule(5, 20).withBeta(1e6));
    }

    private static void divergesKeepingTheLastGoodWeights(boolean atEquilibrium, TrainingSettings wild) {
        Architecture arch = Architecture.relu(2, 8, 1);
        Dataset data = randomData(new SplittableRandom(5), arch, 40);
        Network initial = Network.heInitialised(arch, 4);
        Network[] lastReported = {initial};
        TrainingListener keep = report -> {
            lastReported[0] = report.network();
            return true;
        };
        GenericKernel kernel = new GenericKernel(arch);
        SheafTrainer trainer = new SheafTrainer(kernel);
        TrainingResult result = atEquilibrium ? trainer.trainAtEquilibrium(initial, data, null, Pins.none(), wild, keep)
                : trainer.train(initial, data, null, Pins.none(), wild, keep);
        assertTrue(result.diverged(), result.stopReason());
        assertTrue(result.stopReason().contains("diverged at step") && result.stopReason().contains("lower beta or dt")
                && result.stopReason().endsWith("kept the weights of epoch " + result.epochs()), result.stopReason());
        assertArrayEquals(lastReported[0].parameters(), result.network().parameters());
        assertEquals(result.epochs() + 1, result.trainLoss().length);
        assertEquals(Predictions.loss(kernel, result.network().parameters(), data), result.finalTrainLoss());
        for (double v : result.stalks().values()) {
            assertTrue(Double.isFinite(v), "the stalks returned are finite");
        }
    }

    @Test
    void anEpochLimitIsNotPreallocated() {
        Architecture arch = Architecture.relu(2, 4, 1);
        Dataset data = randomData(new SplittableRandom(6), arch, 10);
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).train(Network.heInitialised(arch, 1), data,
                null, Pins.none(), TrainingSettings.defaults().withSchedule(Integer.MAX_VALUE, 5),
                report -> report.epoch() < 2);
        assertEquals(2, result.epochs());
        assertEquals(3, result.trainLoss().length);
    }

    @Test
    void theListenerCanStopTrainingEarly() {
        Architecture arch = Architecture.relu(OutputActivation.SIGMOID, 2, 6, 1);
        Dataset data = randomData(new SplittableRandom(6), arch, 30);
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).train(Network.heInitialised(arch, 1), data,
                data, Pins.none(), TrainingSettings.defaults().withSchedule(50, 10), report -> report.epoch() < 3);
        assertEquals(3, result.epochs());
        assertTrue(result.stopReason().contains("stopped by the listener after epoch 3"), result.stopReason());
    }

    @Test
    void pinsHoldThroughoutTraining() {
        Architecture arch = Architecture.relu(2, 6, 1);
        Dataset data = randomData(new SplittableRandom(7), arch, 20);
        Pins pins = Pins.builder().hard(Coordinate.pre(1, 2), 0.25).build();
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).train(Network.heInitialised(arch, 2), data,
                null, pins, TrainingSettings.defaults().withSchedule(2, 50), TrainingListener.NONE);
        assertFalse(result.diverged());
        for (int s = 0; s < data.size(); s++) {
            assertEquals(0.25, result.stalks().get(Coordinate.pre(1, 2), s), 0.0, "sample " + s);
        }
    }

    @Test
    void gradientDescentByStepsTakesAnEpochPerFullBatchStepAndReportsEachStep() {
        Architecture arch = Architecture.relu(2, 8, 1);
        GenericKernel kernel = new GenericKernel(arch);
        Dataset data = randomData(new SplittableRandom(8), arch, 30);
        Network initial = Network.heInitialised(arch, 3);
        assertEquals(GradientDescent.train(kernel, initial, data, null, 0.05, 12, 30, 1, 4),
                GradientDescent.trainSteps(kernel, initial, data, null, 0.05, 12, 30, 1, 4, step -> { }),
                "on the full batch a step is an epoch");
        java.util.List<Integer> heard = new java.util.ArrayList<>();
        GradientDescent.Result batches = GradientDescent.trainSteps(kernel, initial, data, null, 0.05, 7, 8, 1, 3,
                heard::add);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), heard);
        assertEquals(4, batches.trainLoss().length, "before, after steps 3 and 6, and at the end");
        assertTrue(batches.trainLoss()[3] < batches.trainLoss()[0], java.util.Arrays.toString(batches.trainLoss()));
    }

    @Test
    void equilibriumTrainingLowersTheLossOfARegression() {
        Architecture arch = Architecture.relu(2, 8, 1);
        Dataset data = randomData(new SplittableRandom(8), arch, 30);
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).trainAtEquilibrium(
                Network.heInitialised(arch, 3), data, null, Pins.none(),
                TrainingSettings.defaults().withSchedule(5, 20), TrainingListener.NONE);
        assertFalse(result.diverged(), result.stopReason());
        assertTrue(result.finalTrainLoss() < result.trainLoss()[0], java.util.Arrays.toString(result.trainLoss()));
    }

    @Test
    void miniBatchTrainingIsDeterministicAndLearns() {
        Architecture arch = Architecture.relu(OutputActivation.SOFTMAX, 2, 8, 3);
        Dataset data = randomData(new SplittableRandom(9), arch, 60);
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(4, 30).withBatchSize(16).withInit(
                StalkInit.FORWARD_PASS, 2);
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        Network initial = Network.heInitialised(arch, 5);
        TrainingResult a = trainer.trainAtEquilibrium(initial, data, null, Pins.none(), settings.withBeta(10.0 / 16),
                TrainingListener.NONE);
        TrainingResult b = trainer.trainAtEquilibrium(initial, data, null, Pins.none(), settings.withBeta(10.0 / 16),
                TrainingListener.NONE);
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        assertTrue(a.finalTrainLoss() < a.trainLoss()[0], java.util.Arrays.toString(a.trainLoss()));
        TrainingResult joint = trainer.train(initial, data, null, Pins.none(), settings, TrainingListener.NONE);
        assertFalse(joint.diverged(), joint.stopReason());
        assertEquals(1.0 / 16, settings.betaFor(60), 0.0, "beta defaults to 1 / batch size");
    }

    @Test
    void trainingOnTwoThreadsMatchesOneAndIsDeterministic() {
        twoThreadsMatchOne(TrainingSettings.defaults().withSchedule(3, 100));
    }

    @Test
    void miniBatchTrainingOnThreeThreadsMatchesOne() {
        twoThreadsMatchOne(TrainingSettings.defaults().withSchedule(2, 40).withBatchSize(32).withThreads(3));
    }

    @Test
    void anExplicitThreadCountWinsOverThePolicy() {
        Architecture arch = Architecture.relu(OutputActivation.SIGMOID, 2, 10, 1);
        Dataset data = randomData(new SplittableRandom(11), arch, 101);
        assertEquals(1, ThreadPolicy.automatic(ThreadPolicy.work(arch, data.size())).shares());
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(2, 50);
        double[] automatic = trainer.train(Network.heInitialised(arch, 12), data, null, Pins.none(), settings,
                TrainingListener.NONE).network().parameters();
        double[] one = trainer.train(Network.heInitialised(arch, 12), data, null, Pins.none(), settings.withThreads(1),
                TrainingListener.NONE).network().parameters();
        double[] three = trainer.train(Network.heInitialised(arch, 12), data, null, Pins.none(),
                settings.withThreads(3), TrainingListener.NONE).network().parameters();
        assertArrayEquals(one, automatic);
        assertFalse(Arrays.equals(one, three), "three threads sum the weight changes in another order");
    }

    /**
     * The paper's joint dynamics on a residual network (projections from the input into a hidden
     * layer and from a hidden layer into the output, an identity skip between hidden layers): the
     * loss falls, every projection moves, and split threads give one thread's result.
     */
    @Test
    void jointTrainingOfAResidualNetworkLearnsItsProjectionsOnAnyNumberOfThreads() {
        Architecture arch = residual();
        TrainingResult result = twoThreadsMatchOne(TrainingSettings.defaults().withSchedule(3, 100), arch);
        assertFalse(result.diverged(), result.stopReason());
        assertTrue(result.finalTrainLoss() < result.trainLoss()[0], Arrays.toString(result.trainLoss()));
        assertProjectionsMoved(arch, Network.heInitialised(arch, 12), result.network());
    }

    /** Equilibrium training and the nudged local rule on a residual network lower the loss and learn the projections. */
    @Test
    void equilibriumAndNudgedTrainingOfAResidualNetworkLearnItsProjections() {
        Architecture arch = residual();
        Dataset data = randomData(new SplittableRandom(11), arch, 40);
        Network initial = Network.heInitialised(arch, 12);
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(5, 20);
        TrainingResult equilibrium = trainer.trainAtEquilibrium(initial, data, null, Pins.none(), settings,
                TrainingListener.NONE);
        TrainingResult nudged = trainer.trainNudged(initial, data, null, Pins.none(), settings, NudgeSettings.of(0.5)
                .withLayerScaled(true), TrainingListener.NONE);
        for (TrainingResult result : List.of(equilibrium, nudged)) {
            assertFalse(result.diverged(), result.stopReason());
            assertTrue(result.finalTrainLoss() < result.trainLoss()[0], Arrays.toString(result.trainLoss()));
            assertProjectionsMoved(arch, initial, result.network());
        }
    }

    /** {@code [2, 6, 6, 6, 1]} sigmoid with skips {@code x -P-> z_2}, {@code a_1 -> z_3} and {@code a_2 -P-> z_4}. */
    private static Architecture residual() {
        return Architecture.relu(OutputActivation.SIGMOID, 2, 6, 6, 6, 1).withSkips(List.of(
                Skip.projection(0, 2), Skip.identity(1, 3),
                Skip.projection(2, 4)));
    }

    private static void assertProjectionsMoved(Architecture arch, Network initial, Network trained) {
        for (int i = 0; i < arch.skips().size(); i++) {
            if (arch.skips().get(i).projected()) {
                int from = arch.projectionOffset(i);
                int to = from + arch.width(arch.skips().get(i).to()) * arch.width(arch.skips().get(i).from());
                assertFalse(Arrays.equals(Arrays.copyOfRange(initial.parameters(), from, to),
                        Arrays.copyOfRange(trained.parameters(), from, to)), "projection " + arch.skips().get(i));
            }
        }
    }

    /** Trains on one thread and on {@code settings}' threads (at least 2) and compares. */
    private static void twoThreadsMatchOne(TrainingSettings threaded) {
        twoThreadsMatchOne(threaded, Architecture.relu(OutputActivation.SIGMOID, 2, 10, 1));
    }

    /** Trains {@code arch} on one thread and on {@code settings}' threads (at least 2), compares, and returns the first. */
    private static TrainingResult twoThreadsMatchOne(TrainingSettings threaded, Architecture arch) {
        Dataset data = randomData(new SplittableRandom(11), arch, 101);
        Network initial = Network.heInitialised(arch, 12);
        TrainingSettings settings = threaded.withThreads(1);
        int threads = Math.max(2, threaded.threads());
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        TrainingResult one = trainer.train(initial, data, null, Pins.none(), settings, TrainingListener.NONE);
        TrainingResult two = trainer.train(initial, data, null, Pins.none(), settings.withThreads(threads),
                TrainingListener.NONE);
        TrainingResult again = trainer.train(initial, data, null, Pins.none(), settings.withThreads(threads),
                TrainingListener.NONE);
        assertArrayEquals(two.network().parameters(), again.network().parameters());
        double[] a = one.network().parameters();
        double[] b = two.network().parameters();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * (1 + Math.abs(a[i])), "parameter " + i);
        }
        assertArrayEquals(one.stalks().values(), two.stalks().values(), 1e-12);
        return one;
    }
}
