package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The opt-in schedules of the joint dynamics: off by default, the per-layer rate as stated, learning. */
class JointScheduleTest {
    private static final Architecture ARCH = Architecture.relu(OutputActivation.SOFTMAX, 3, 6, 5, 2);

    @Test
    void thePapersScheduleIsTheDefault() {
        assertEquals(JointSchedule.PAPER, TrainingSettings.defaults().joint());
        assertTrue(new TrainingSettings(1, 0.1, 0.01, 1, 1, false, StalkInit.ZEROS, 0, 0, 1).joint().isPaper());
        assertFalse(JointSchedule.PAPER.withStalkSteps(2).isPaper());
        assertThrows(IllegalArgumentException.class, () -> JointSchedule.PAPER.withStalkSteps(0));
    }

    @Test
    void layerScaledStepsDivideEachLayersWeightMoveByOnePlusTheMeanSquaredInput() {
        assertLayerScaled(ARCH);
    }

    /** A skip's projection takes the scale of its source, here the input and the first hidden layer. */
    @Test
    void layerScaledStepsDivideEachProjectionsMoveByOnePlusTheMeanSquaredSource() {
        assertLayerScaled(ARCH.withSkips(List.of(Skip.projection(0, ARCH.layers()), Skip.projection(1, 2))));
    }

    private static void assertLayerScaled(Architecture arch) {
        int n = 4;
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        SplittableRandom random = new SplittableRandom(11);
        double[] params = Network.heInitialised(arch, 2).parameters();
        double[] state = new double[layout.stateLength(n)];
        for (int i = 0; i < state.length; i++) {
            state[i] = 2 * random.nextGaussian();
        }
        double[] targets = TrainingTest.randomData(random, arch, n).targets();
        double[] plain = params.clone();
        double[] plainState = state.clone();
        step(kernel, JointSchedule.PAPER, plain, plainState, targets);
        double[] scaled = params.clone();
        double[] scaledState = state.clone();
        step(kernel, new JointSchedule(1, false, true), scaled, scaledState, targets);
        assertArrayEquals(plainState, scaledState, "the stalks move as without the scale");
        for (int l = 1; l <= arch.layers(); l++) {
            double scale = scaleOf(layout, state, l - 1, n);
            for (int i = arch.weightOffset(l); i < arch.biasOffset(l) + arch.width(l); i++) {
                assertEquals(scale * (plain[i] - params[i]), scaled[i] - params[i], 1e-12, "layer " + l + ", " + i);
            }
        }
        for (int k = 0; k < arch.skips().size(); k++) {
            Skip skip = arch.skips().get(k);
            if (!skip.projected()) {
                continue;
            }
            double scale = scaleOf(layout, state, skip.from(), n);
            int from = arch.projectionOffset(k);
            for (int i = from; i < from + arch.width(skip.to()) * arch.width(skip.from()); i++) {
                assertEquals(scale * (plain[i] - params[i]), scaled[i] - params[i], 1e-12, skip + ", " + i);
            }
        }
    }

    /** {@code 1 / (1 + mean_s |a_source|^2)} of the {@code n} samples of {@code state}. */
    private static double scaleOf(SheafLayout layout, double[] state, int source, int n) {
        double squares = 0;
        for (int j = 0; j < layout.architecture().width(source); j++) {
            for (int s = 0; s < n; s++) {
                double a = state[(layout.postOffset(source) + j) * n + s];
                squares += a * a;
            }
        }
        return 1 / (1 + squares / n);
    }

    @Test
    void innerStalkStepsHoldTheWeightsUntilTheLastStep() {
        int n = 3;
        GenericKernel kernel = new GenericKernel(ARCH);
        SplittableRandom random = new SplittableRandom(5);
        Dataset data = TrainingTest.randomData(random, ARCH, n);
        double[] params = Network.heInitialised(ARCH, 4).parameters();
        double[] state = Predictions.stateWithInputs(kernel.layout(), data);
        kernel.forward(params, state, n);
        double[] scheduled = params.clone();
        double[] scheduledState = state.clone();
        step(kernel, new JointSchedule(3, false, false), scheduled, scheduledState, data.targets());
        double[] paper = params.clone();
        PinSet none = Pins.none().compile(kernel.layout(), n);
        Workspace workspace = new Workspace(kernel.layout(), n);
        kernel.trainingStep(paper, state, data.targets(), 0.1, 0.0, none, workspace);
        kernel.trainingStep(paper, state, data.targets(), 0.1, 0.0, none, workspace);
        assertArrayEquals(params, paper, "a step at weight rate 0 holds the weights");
        kernel.trainingStep(paper, state, data.targets(), 0.1, 0.05, none, workspace);
        assertArrayEquals(paper, scheduled);
        assertArrayEquals(state, scheduledState);
    }

    @Test
    void theScheduledJointDynamicsLearnASmallClassificationAtRatesWhereThePapersDiverge() {
        Architecture arch = Architecture.relu(OutputActivation.SOFTMAX, 2, 12, 2);
        Dataset train = halfPlanes(new SplittableRandom(1), 200);
        Dataset test = halfPlanes(new SplittableRandom(2), 200);
        Network initial = Network.heInitialised(arch, 3);
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(10, 40).withBatchSize(20).withDt(0.2)
                .withThreads(1).withInit(StalkInit.FORWARD_PASS, 1);
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        TrainingResult scheduled = trainer.train(initial, train, test, Pins.none(), settings.withJoint(
                new JointSchedule(4, true, true)).withBeta(5.0 / 20), TrainingListener.NONE);
        assertFalse(scheduled.diverged(), scheduled.stopReason());
        double accuracy = Predictions.accuracy(new GenericKernel(arch), scheduled.network().parameters(), test);
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
        TrainingResult paper = trainer.train(initial, train, test, Pins.none(), settings.withBeta(5.0 / 20),
                TrainingListener.NONE);
        assertTrue(paper.diverged(), "the paper's schedule at these rates: " + paper.stopReason());
    }

    /** Points of the plane, class 1 where {@code x0 + 2 x1 > 0.3}. */
    private static Dataset halfPlanes(SplittableRandom random, int n) {
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int s = 0; s < n; s++) {
            x[s] = random.nextGaussian();
            x[n + s] = random.nextGaussian();
            int label = x[s] + 2 * x[n + s] > 0.3 ? 1 : 0;
            y[label * n + s] = 1;
        }
        return new Dataset(n, 2, 2, x, y);
    }

    private static void step(GenericKernel kernel, JointSchedule schedule, double[] params, double[] state,
            double[] targets) {
        int n = targets.length / ARCH.outputs();
        new ScheduledJointStep(kernel, schedule, Pins.none().compile(kernel.layout(), n),
                new Workspace(kernel.layout(), n)).take(params, state, targets, 0.1, 0.05);
    }
}
