package dev.sheaf4j.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.Predictions;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sizes the int arithmetic cannot hold are refused with one line, never a negative count or offset. */
class SizeLimitsTest {
    private static String refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
        return e.getMessage();
    }

    private static long exactParameters(int[] widths) {
        long count = 0;
        for (int l = 1; l < widths.length; l++) {
            count += (long) widths[l] * widths[l - 1] + widths[l];
        }
        return count;
    }

    @Test
    void widthsWhoseParametersOverflowAreRefused() {
        refused(() -> Architecture.relu(65536, 65536, 1), "[65536, 65536, 1]", "4295098369 parameters",
                "limit of " + Architecture.MAX_PARAMETERS);
        assertTrue(Architecture.sizeProblem(new int[] {65536, 65536, 1}).isPresent());
    }

    @Test
    void theLargestAcceptedNetworksHaveExactCountsAndOffsets() {
        // 65536 (n + 2) + 1 parameters: n = 16381 is the widest input under 2^30
        Architecture largest = Architecture.relu(16381, 65536, 1);
        assertEquals(exactParameters(largest.widths()), largest.parameterCount());
        assertTrue(largest.parameterCount() > 0);
        assertEquals(65536L * 16381, largest.biasOffset(1));
        assertEquals(largest.parameterCount(), largest.biasOffset(2) + 1);
        refused(() -> Architecture.relu(16382, 65536, 1), "parameters");
    }

    @Property(tries = 300)
    void everyAcceptedArchitectureCountsExactlyAndEveryOtherIsRefused(
            @ForAll @Size(min = 2, max = 5) int[] raw, @ForAll @IntRange(min = 0, max = 16) int shift) {
        int[] widths = Arrays.stream(raw).map(w -> 1 + Math.floorMod(w, 65536) % (1 << shift + 1)).toArray();
        Optional<String> problem = Architecture.sizeProblem(widths);
        if (problem.isPresent()) {
            assertTrue(exactParameters(widths) > Architecture.MAX_PARAMETERS, problem.get());
            assertEquals(problem.get(), refused(() -> Architecture.relu(widths)));
            return;
        }
        Architecture arch = Architecture.relu(widths);
        assertEquals(exactParameters(widths), arch.parameterCount());
        int end = 0;
        for (int l = 1; l < widths.length; l++) {
            assertEquals(end, arch.weightOffset(l));
            assertEquals((long) end + (long) widths[l] * widths[l - 1], arch.biasOffset(l));
            end = arch.biasOffset(l) + widths[l];
        }
        assertEquals(end, arch.parameterCount());
        assertTrue(new SheafLayout(arch).stateSize() <= Architecture.MAX_STATE);
    }

    @Test
    void batchesTooLargeForOneArrayAreRefused() {
        SheafLayout wide = new SheafLayout(Architecture.relu(1, 65536, 1));
        refused(() -> new SheafState(wide, 20_000), "20000 samples", "more than a Java array holds",
                "fewer samples per batch");
        Dataset data = new Dataset(20_000, 1, 1, new double[20_000], new double[20_000]);
        refused(() -> Predictions.stateWithInputs(wide, data), "20000 samples", "more than a Java array holds");
        double[] row = new double[65536];
        double[][] rows = new double[40_000][];
        double[][] targets = new double[40_000][];
        Arrays.fill(rows, row);
        Arrays.fill(targets, new double[] {0});
        refused(() -> Dataset.of(rows, targets), "inputs of 40000 samples", "more than a Java array holds");
    }

    @Test
    void generousStepLimitsCostNothingUntilTheStepsAreTaken() {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 4, 1), 3);
        SheafState start = sheaf.forwardPass(new double[] {0.5, -1});
        start.set(Coordinate.pre(1, 0), 0, 2.0);
        for (int limit : new int[] {400_000_000, Integer.MAX_VALUE}) {
            DiffusionResult run = sheaf.diffuse(start, Pins.none(),
                    DiffusionSettings.defaults().withMaxSteps(limit).withEnergyTrace(true));
            assertTrue(run.converged());
            assertEquals(run.iterations() + 1, run.energyTrace().length);
            assertTrue(run.energyTrace()[run.iterations()] < run.energyTrace()[0]);
        }
    }

    @Test
    void denseSolversRefuseLayersTooWideForOneArray() {
        Sheaf wide = Sheaf.create(Architecture.relu(1, 50_000, 1), 1);
        double[] x = {0.5};
        refused(() -> wide.equilibrium(x).pin(Coordinate.pre(1, 0), 1.0).solve(), "dense block of layer 1",
                "at most 46340");
        refused(() -> wide.spectrum(x), "dense coboundary", "smaller network");
    }
}
