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
import dev.sheaf4j.sheaf.Pins;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The nudged local rule's theory: as the nudge strength goes to zero, the local weight gradient at
 * the nudged equilibrium divided by the strength is the gradient backpropagation computes, which is
 * the finite-difference gradient of the loss.
 */
class NudgedGradientTest {
    @Property(tries = 15)
    void theNudgedEstimateTendsToTheBackpropagatedGradient(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int layers, @ForAll boolean symmetric) {
        SplittableRandom random = new SplittableRandom(seed);
        assertTheEstimateTendsToBackpropagation(random, RandomNetworks.architecture(random, layers, 5, true),
                symmetric);
    }

    /**
     * On a residual network too, projections included (their local step is {@code sum_s r_to
     * a_from^T}, backpropagation's {@code delta z_to a_from^T}).
     */
    @Property(tries = 15)
    void onAResidualNetworkTheNudgedEstimateTendsToTheBackpropagatedGradient(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 3) int layers, @ForAll boolean symmetric) {
        SplittableRandom random = new SplittableRandom(seed);
        assertTheEstimateTendsToBackpropagation(random,
                RandomNetworks.withSkips(random, RandomNetworks.architecture(random, layers, 5, true)), symmetric);
    }

    /**
     * On a random network of {@code arch} and random data away from kinks: backpropagation's
     * gradient equals the finite-difference gradient of the loss, and the nudged estimate tends to it.
     */
    private static void assertTheEstimateTendsToBackpropagation(SplittableRandom random, Architecture arch,
            boolean symmetric) {
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        Dataset data = TrainingTest.smallInputs(TrainingTest.randomData(random, arch, 6));
        Assume.that(awayFromKinks(kernel, network, data));
        double[] p = network.parameters();
        double[] after = GradientDescent.train(kernel, network, data, null, 1.0, 1, data.size(), 0, 1).network()
                .parameters();
        double[] backprop = new double[p.length];
        Arrays.setAll(backprop, k -> p[k] - after[k]);
        for (int k = 0; k < p.length; k++) {
            double difference = TrainingTest.lossDerivative(kernel, p, data, k);
            assertEquals(difference, backprop[k], 1e-6 * (1 + Math.abs(difference)), "parameter " + k + " of " + arch);
        }
        assertTheEstimateTendsTo(backprop, kernel, p, data, symmetric);
    }

    /**
     * The pin's own curvature makes the estimate's error first order in the strength: each tenfold
     * smaller strength must shrink it at least fivefold, down to the solver's precision. The
     * strengths stay small enough that the nudge moves no pre-activation across its kink (they sit
     * at least 1e-2 from it), where the limit is taken; a larger nudge may switch a neuron.
     */
    private static void assertTheEstimateTendsTo(double[] gradient, GenericKernel kernel, double[] p, Dataset data,
            boolean symmetric) {
        Architecture arch = kernel.layout().architecture();
        double previous = Double.POSITIVE_INFINITY;
        for (double strength : new double[] {1e-3, 1e-4, 1e-5, 1e-6}) {
            double[] estimate = estimate(kernel, p, data, strength, symmetric);
            double error = 0;
            for (int k = 0; k < p.length; k++) {
                error = Math.max(error, Math.abs(estimate[k] - gradient[k]) / (1 + Math.abs(gradient[k])));
            }
            assertTrue(error < previous / 5 || error < 1e-8, "error " + error + " at strength " + strength
                    + " after " + previous + " for " + arch);
            previous = error;
        }
        assertTrue(previous < 1e-3, "error " + previous + " at strength 1e-6 for " + arch);
    }

    private static double[] estimate(GenericKernel kernel, double[] params, Dataset data, double strength,
            boolean symmetric) {
        double[] state = Predictions.stateWithInputs(kernel.layout(), data);
        double[] gradient = new double[params.length];
        new NudgedGradient(kernel, Pins.none(), data.size(), strength, symmetric).estimate(params, state,
                data.targets(), gradient);
        return gradient;
    }

    /** Whether every hidden pre-activation is clear of zero, where the loss has a kink. */
    private static boolean awayFromKinks(GenericKernel kernel, Network network, Dataset data) {
        double[] state = Predictions.stateWithInputs(kernel.layout(), data);
        kernel.forward(network.parameters(), state, data.size());
        Architecture arch = network.architecture();
        for (int l = 1; l < arch.layers(); l++) {
            int from = kernel.layout().preOffset(l) * data.size();
            for (int i = from; i < from + arch.width(l) * data.size(); i++) {
                if (Math.abs(state[i]) < 1e-2) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void nudgedTrainingIsDeterministicAndLowersTheLoss() {
        Architecture arch = Architecture.relu(OutputActivation.SOFTMAX, 2, 8, 3);
        Dataset data = TrainingTest.randomData(new SplittableRandom(9), arch, 60);
        TrainingSettings settings = TrainingSettings.defaults().withSchedule(4, 15).withBatchSize(20);
        NudgeSettings nudge = NudgeSettings.of(0.5).withMomentum(0.5).withLayerScaled(true).withRateDecaySteps(30);
        SheafTrainer trainer = new SheafTrainer(new GenericKernel(arch));
        Network initial = Network.heInitialised(arch, 5);
        TrainingResult a = trainer.trainNudged(initial, data, null, Pins.none(), settings, nudge, TrainingListener.NONE);
        TrainingResult b = trainer.trainNudged(initial, data, null, Pins.none(), settings, nudge, TrainingListener.NONE);
        assertFalse(a.diverged(), a.stopReason());
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        assertTrue(a.finalTrainLoss() < 0.9 * a.trainLoss()[0], Arrays.toString(a.trainLoss()));
    }

    @Test
    void divergingNudgedTrainingSaysToLowerTheNudgeRate() {
        Architecture arch = Architecture.relu(2, 8, 1);
        Dataset data = TrainingTest.randomData(new SplittableRandom(8), arch, 30);
        TrainingResult result = new SheafTrainer(new GenericKernel(arch)).trainNudged(Network.heInitialised(arch, 3),
                data, null, Pins.none(), TrainingSettings.defaults().withSchedule(3, 5), NudgeSettings.of(1e12),
                TrainingListener.NONE);
        assertTrue(result.diverged(), result.stopReason());
        assertTrue(result.stopReason().contains("lower the nudge rate (now 1.0E12)"), result.stopReason());
    }

    @Test
    void theLocalStepFollowsMomentumTheScheduleAndTheLayerScale() {
        Architecture arch = Architecture.relu(1, 1, 1);
        dev.sheaf4j.sheaf.SheafLayout layout = new dev.sheaf4j.sheaf.SheafLayout(arch);
        // two samples: x = 1, 3 (mean |x|^2 = 5) and a_1 = 2, 0 (mean |a_1|^2 = 2)
        double[] state = new double[layout.stateLength(2)];
        state[layout.postOffset(0) * 2] = 1;
        state[layout.postOffset(0) * 2 + 1] = 3;
        state[layout.postOffset(1) * 2] = 2;
        WeightUpdate step = new WeightUpdate(layout, new StepRule(1.0, 0.5, 1), true);
        double[] params = new double[arch.parameterCount()];
        double[] gradient = {1, 1, 1, 1};
        step.apply(params, gradient, state, 2);
        step.apply(params, gradient, state, 2);
        // rates 1 then 1/2; velocities 1 then 1.5; layer scales 1/6 and 1/3
        double first = 1.0 / 6 + 0.5 * 1.5 / 6;
        double second = 1.0 / 3 + 0.5 * 1.5 / 3;
        assertArrayEquals(new double[] {-first, -first, -second, -second}, params, 1e-15);
    }

    @Test
    void badNudgeSettingsAreRefusedWithTheirName() {
        assertEquals("momentum must be in [0, 1), got 1.0", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> NudgeSettings.of(0.1).withMomentum(1.0)).getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NudgeSettings.of(0.1).withStrength(0)).getMessage().contains("nudge strength"));
    }
}
