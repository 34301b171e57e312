package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gradient descent with a {@link StepRule}: heavy-ball momentum and the rate schedule. */
class GradientDescentStepRuleTest {
    private final Architecture arch = Architecture.relu(2, 7, 5, 1);
    private final GenericKernel kernel = new GenericKernel(arch);
    private final Dataset data = TrainingTest.randomData(new SplittableRandom(11), arch, 24);
    private final Network initial = Network.heInitialised(arch, 5);

    @Test
    void momentumAndScheduleFollowTheHeavyBallRecurrenceOnPlainGradients() {
        StepRule rule = new StepRule(0.04, 0.7, 3);
        int steps = 9;
        double[] params = initial.parameters();
        double[] velocity = new double[params.length];
        for (int t = 0; t < steps; t++) {
            // the gradient at params, read off one plain step of rate 1 on the full batch
            double[] stepped = GradientDescent.trainSteps(kernel, new Network(arch, params), data, null, 1.0, 1,
                    data.size(), 0, 1, step -> { }).network().parameters();
            double rate = 0.04 / (1 + t / 3.0);
            for (int i = 0; i < params.length; i++) {
                velocity[i] = 0.7 * velocity[i] + (params[i] - stepped[i]);
                params[i] -= rate * velocity[i];
            }
        }
        double[] trained = GradientDescent.trainSteps(kernel, initial, data, null, rule, steps, data.size(), 0,
                steps, step -> { }).network().parameters();
        assertArrayEquals(params, trained, 1e-13);
    }

    @Test
    void badRulesAreRefusedWithTheirName() {
        assertEquals("momentum must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new StepRule(0.1, 1.0, 0)).getMessage());
        assertEquals("rate decay steps must be 0 (constant rate) or positive, got -2",
                assertThrows(IllegalArgumentException.class, () -> new StepRule(0.1, 0.5, -2)).getMessage());
    }
}
