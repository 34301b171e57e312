package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps split over threads against the kernel's own step on the whole batch. */
class SplitStepsTest {
    private static final Architecture ARCH = Architecture.relu(OutputActivation.SIGMOID, 3, 10, 7, 2);
    private static final SheafKernel KERNEL = new GenericKernel(ARCH);
    private static final Pins PINS = Pins.builder().hard(Coordinate.pre(1, 0), 0.5).build();
    /** A prime, so that no thread count divides it. */
    private static final int BATCH = 101;
    private static final int STEPS = 25;

    private final double[] params = Network.heInitialised(ARCH, 5).parameters();
    private final SplittableRandom random = new SplittableRandom(9);
    private final double[] state = RandomNetworks.gaussian(random, KERNEL.layout().stateLength(BATCH));
    private final double[] targets = RandomNetworks.gaussian(random, ARCH.outputs() * BATCH);

    /** A residual network: an identity skip, a projection from {@code x} and a projection into the output. */
    private static final SheafKernel RESIDUAL = new GenericKernel(Architecture.relu(OutputActivation.SIGMOID, 3, 10, 7,
            10, 2).withSkips(List.of(Skip.identity(1, 3), Skip.projection(0, 2), Skip.projection(2, 4))));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void eulerStepsAreBitForBitThoseOfOneThread(int threads) {
        assertEulerStepsMatchOneThread(KERNEL, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void eulerStepsOfAResidualNetworkAreBitForBitThoseOfOneThread(int threads) {
        assertEulerStepsMatchOneThread(RESIDUAL, threads);
    }

    private static void assertEulerStepsMatchOneThread(SheafKernel kernel, int threads) {
        double[] params = Network.heInitialised(kernel.layout().architecture(), 5).parameters();
        double[] state = RandomNetworks.gaussian(new SplittableRandom(9), kernel.layout().stateLength(BATCH));
        double[] expected = state.clone();
        double[] expectedChanges = new double[STEPS];
        Workspace workspace = new Workspace(kernel.layout(), BATCH);
        for (int k = 0; k < STEPS; k++) {
            expectedChanges[k] = kernel.eulerStep(params, expected, 0.05, OutputEdgeMode.JACOBIAN,
                    PINS.compile(kernel.layout(), BATCH), workspace);
        }
        double[] resident = state.clone();
        double[] copied = state.clone();
        double[] changes = new double[STEPS];
        try (EulerSteps steps = new EulerSteps(kernel, BATCH, ThreadPolicy.Split.explicit(threads), PINS)) {
            steps.load(resident);
            for (int k = 0; k < STEPS; k++) {
                changes[k] = steps.step(params, resident, 0.05, OutputEdgeMode.JACOBIAN);
            }
            steps.unload(resident);
            for (int k = 0; k < STEPS; k++) {
                steps.step(params, copied, 0.05, OutputEdgeMode.JACOBIAN);
            }
        }
        assertArrayEquals(expected, resident);
        assertArrayEquals(expected, copied);
        assertArrayEquals(expectedChanges, changes);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void aTrainingStepMovesTheStalksBitForBitAsOneThreadAndTheWeightsWithinRounding(int threads) {
        assertTrainingStepMatchesOneThread(KERNEL, BATCH, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void aResidualTrainingStepMovesTheStalksBitForBitAsOneThreadAndTheProjectionsWithinRounding(int threads) {
        assertTrainingStepMatchesOneThread(RESIDUAL, BATCH, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aWideNetworkAddsUpItsWeightChangesOnEveryThread(int threads) {
        Architecture wide = Architecture.relu(OutputActivation.IDENTITY, 200, 100, 1);
        assertTrue(ThreadPolicy.threads((long) wide.parameterCount() * threads, threads) > 1);
        assertTrainingStepMatchesOneThread(new GenericKernel(wide), 31, threads);
        // the slices of the sum cover the projections, after the layers' weights
        Architecture residual = wide.withSkips(List.of(Skip.projection(0, 2)));
        assertTrainingStepMatchesOneThread(new GenericKernel(residual), 31, threads);
    }

    private static void assertTrainingStepMatchesOneThread(SheafKernel kernel, int batch, int threads) {
        Architecture arch = kernel.layout().architecture();
        SplittableRandom random = new SplittableRandom(3);
        double[] weights = Network.heInitialised(arch, 5).parameters();
        double[] stalks = RandomNetworks.gaussian(random, kernel.layout().stateLength(batch));
        double[] goals = RandomNetworks.gaussian(random, arch.outputs() * batch);
        double[] expectedState = stalks.clone();
        double[] expectedWeights = weights.clone();
        kernel.trainingStep(expectedWeights, expectedState, goals, 0.05, 0.01, PINS.compile(kernel.layout(), batch),
                new Workspace(kernel.layout(), batch));
        try (TrainingSteps steps = new TrainingSteps(kernel, batch, ThreadPolicy.Split.explicit(threads), PINS)) {
            steps.step(weights, stalks, goals, 0.05, 0.01);
        }
        assertArrayEquals(expectedState, stalks);
        for (int i = 0; i < weights.length; i++) {
            assertEquals(expectedWeights[i], weights[i], 1e-14 * (1 + Math.abs(expectedWeights[i])), "weight " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void trainingStepsAreDeterministicForAThreadCount(int threads) {
        assertArrayEquals(train(threads, true), train(threads, true));
        assertArrayEquals(train(threads, true), train(threads, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void theThreadsThatStepTheSharesNeverChangeTheResult(int threads) {
        assertArrayEquals(train(new ThreadPolicy.Split(3, 1), true), train(new ThreadPolicy.Split(3, threads), true));
    }

    /** The weights after {@link #STEPS} steps on {@code threads} threads, stalks loaded or copied each step. */
    private double[] train(int threads, boolean loaded) {
        return train(ThreadPolicy.Split.explicit(threads), loaded);
    }

    /** The weights after {@link #STEPS} steps cut as {@code split} says, stalks loaded or copied each step. */
    private double[] train(ThreadPolicy.Split split, boolean loaded) {
        double[] stalks = state.clone();
        double[] weights = params.clone();
        try (TrainingSteps steps = new TrainingSteps(KERNEL, BATCH, split, PINS)) {
            if (loaded) {
                steps.load(stalks, targets);
            }
            for (int k = 0; k < STEPS; k++) {
                steps.step(weights, stalks, targets, 0.05, 0.01);
            }
        }
        return weights;
    }

    @Test
    void noMoreSharesOrThreadsThanSamples() {
        try (EulerSteps steps = new EulerSteps(KERNEL, 3, ThreadPolicy.Split.explicit(8), PINS)) {
            assertEquals(3, steps.shares());
            assertEquals(3, steps.threads());
        }
    }

    @Test
    void perSamplePinValuesAreRefused() {
        Pins perSample = Pins.builder().hard(Coordinate.pre(1, 0), new double[BATCH]).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EulerSteps(KERNEL, BATCH, ThreadPolicy.Split.explicit(2), perSample));
        assertEquals(true, e.getMessage().contains("one value for all samples"), e.getMessage());
    }
}
