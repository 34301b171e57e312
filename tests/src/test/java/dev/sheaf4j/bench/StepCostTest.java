package dev.sheaf4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.bench.KernelBenchmark.Operation;
import dev.sheaf4j.network.Architecture;
import org.junit.jupiter.api.Test;

/**
 * Flop and byte counts against counts made by hand, edge by edge, for two small sheaves, and the
 * machine calibration's figures against what any machine this runs on must show.
 */
class StepCostTest {
    private static final Architecture TINY = Architecture.relu(OutputActivation.IDENTITY, 2, 4, 1);
    private static final Architecture SIGMOID = Architecture.relu(OutputActivation.SIGMOID, 2, 3, 2);

    @Test
    void eulerStepOnTwoFourOne() {
        // r_1 = W_1 x + b_1 - z_1: 4 x (2 mul + 2 add) + 4 sub = 20; s_1 = relu(z_1) - a_1: 4;
        // r_2 = W_2 a_1 + b_2 - z_2: 4 mul + 4 add + 1 sub = 9. Forces: r_1 - m s_1: 8; s_1 - W_2^T r_2: 8;
        // none on the pinned x. Moves of z_1, a_1, z_2: 9 x 2 = 18. In all 33 + 16 + 18 = 67.
        assertEquals(67, StepCost.of(TINY, Operation.EULER, 1).flops());
        assertEquals(300 * 67, StepCost.of(TINY, Operation.EULER, 300).flops());
        // Read the 11 stalk coordinates, write the 9 free ones, read the 17 parameters.
        assertEquals(8 * (11 + 9 + 17), StepCost.of(TINY, Operation.EULER, 1).bytes());
    }

    @Test
    void trainingStepOnTwoFourOne() {
        // The Euler step's 49 flops of discrepancies and forces, g = z_2 - y and its pull (2), the
        // moves (18), gradients r_1 x^T + r_1 (8 + 8 + 4) and r_2 a_1^T + r_2 (4 + 4 + 1), per sample;
        // then 17 parameters updated (2 flops each) once per step.
        assertEquals(98 + 34, StepCost.of(TINY, Operation.TRAIN, 1).flops());
        assertEquals(98 * 32 + 34, StepCost.of(TINY, Operation.TRAIN, 32).flops());
        // Read 11 and write 9 stalk coordinates per sample, read the target, read and write 17 parameters.
        assertEquals(8 * (32 * (11 + 9 + 1) + 2 * 17), StepCost.of(TINY, Operation.TRAIN, 32).bytes());
    }

    @Test
    void harmonicExtensionAndPinnedSolve() {
        assertEquals(3 * (16 + 8), StepCost.of(TINY, Operation.HARMONIC, 3).flops());
        assertEquals(0, StepCost.of(TINY, Operation.PINNED, 3).flops());
        assertEquals(0, StepCost.of(TINY, Operation.PINNED, 3).bytes());
    }

    @Test
    void eulerStepWithAnOutputVertex() {
        // r_1: 3 x 4 + 3 = 15; s_1: 3; r_2: 2 x 6 + 2 = 14; o = phi(z_2) - a_out: 2. Forces: 6 + 12
        // (s_1 - W_2^T r_2) + 2 (J^T o, counted as the identity), none on the pinned x. Moves of z_1,
        // a_1, z_2, a_out: 10 x 2 = 20. In all 34 + 20 + 20 = 74.
        assertEquals(74, StepCost.of(SIGMOID, Operation.EULER, 1).flops());
    }

    @Test
    void leakyLayersPayForTheirSlope() {
        Architecture leaky = new Architecture(new int[] {2, 4, 1}, new double[] {0.1}, OutputActivation.IDENTITY);
        assertEquals(24 + 4, StepCost.of(leaky, Operation.HARMONIC, 1).flops());
    }

    @Test
    void calibrationGivesPlausibleFigures() {
        double peak = MachineLimits.peakGflops(5_000_000L);
        double cache = MachineLimits.triadGBs(48 << 10, 5_000_000L);
        assertTrue(peak > 0.1 && peak < 10_000, "peak " + peak);
        assertTrue(cache > 0.1 && cache < 100_000, "triad " + cache);
    }
}
