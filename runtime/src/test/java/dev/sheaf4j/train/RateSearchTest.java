package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The learning-rate search: the validation split, the choice by least validation loss, determinism. */
class RateSearchTest {
    private final Architecture arch = Architecture.relu(2, 6, 1);
    private final GenericKernel kernel = new GenericKernel(arch);
    private final Network initial = Network.heInitialised(arch, 2);
    private final Dataset train = TrainingTest.randomData(new SplittableRandom(4), arch, 40);
    private final double[] grid = {0.001, 0.01, 0.1, 1000.0};

    private Network gradientDescent(double rate, Dataset fit) {
        return GradientDescent.trainSteps(kernel, initial, fit, null, rate, 50, 8, 1, 50, step -> { }).network();
    }

    @Test
    void picksTheRateWithTheLeastValidationLossAndSkipsDivergence() {
        RateSearch.Choice choice = RateSearch.search(kernel, train, grid, 7, this::gradientDescent);
        RateSearch.Split split = RateSearch.split(train, 7);
        double[] expected = new double[grid.length];
        for (int k = 0; k < 3; k++) {
            expected[k] = Predictions.loss(kernel, gradientDescent(grid[k], split.fit()).parameters(),
                    split.validation());
        }
        expected[3] = Double.POSITIVE_INFINITY;
        assertTrue(assertThrows(dev.sheaf4j.sheaf.NonFiniteException.class, () -> gradientDescent(1000.0,
                split.fit())).getMessage().contains("diverged"), "the largest rate diverges");
        assertEquals(Arrays.toString(expected), Arrays.toString(choice.validationLoss()));
        int best = 0;
        for (int k = 1; k < grid.length; k++) {
            best = expected[k] < expected[best] ? k : best;
        }
        assertEquals(grid[best], choice.rate());
        assertTrue(expected[0] != expected[1] && expected[1] != expected[2], "the rates give different losses");
    }

    @Test
    void trialsSeeOnlyTheFittingPartOfTheTrainingSet() {
        List<Dataset> seen = new ArrayList<>();
        RateSearch.search(kernel, train, grid, 7, (rate, fit) -> {
            seen.add(fit);
            return initial;
        });
        RateSearch.Split split = RateSearch.split(train, 7);
        assertEquals(grid.length, seen.size());
        seen.forEach(fit -> assertEquals(split.fit(), fit));
        assertEquals(8, split.validation().size(), "a fifth of 40 held out");
        Set<String> fitted = rows(split.fit());
        Set<String> held = rows(split.validation());
        Set<String> all = rows(train);
        assertTrue(all.containsAll(fitted) && all.containsAll(held), "both parts come from the training set");
        held.retainAll(fitted);
        assertTrue(held.isEmpty(), "no sample is both fitted and validated on: " + held);
    }

    private static Set<String> rows(Dataset data) {
        Set<String> rows = new HashSet<>();
        for (int s = 0; s < data.size(); s++) {
            rows.add(Arrays.toString(data.input(s)) + Arrays.toString(data.target(s)));
        }
        return rows;
    }

    @Test
    void theSearchIsDeterministicAndItsSplitFollowsTheSeed() {
        assertEquals(RateSearch.search(kernel, train, grid, 3, this::gradientDescent),
                RateSearch.search(kernel, train, grid, 3, this::gradientDescent));
        assertTrue(!RateSearch.split(train, 3).validation().equals(RateSearch.split(train, 4).validation()));
    }

    @Test
    void badGridsAndTinySetsAreRefused() {
        assertEquals("the grid of learning rates is empty", assertThrows(IllegalArgumentException.class,
                () -> RateSearch.search(kernel, train, new double[0], 1, this::gradientDescent)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RateSearch.search(kernel, train, new double[] {-1}, 1, this::gradientDescent));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateSearch.search(kernel, train,
                new double[] {1000.0}, 1, this::gradientDescent)).getMessage().contains("diverged at every"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RateSearch.split(train.select(new int[] {0}),
                1)).getMessage().contains("at least 2"));
    }
}
