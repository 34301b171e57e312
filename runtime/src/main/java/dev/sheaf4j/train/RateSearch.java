package dev.sheaf4j.train;

import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.NonFiniteException;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Chooses a learning rate from a grid on a validation split carved from the training set: a seeded
 * fifth of the training samples is held out, a trial trains on the rest at each rate of the grid,
 * and the rate whose network has the least loss on the held-out samples wins (the smallest such
 * rate on a tie). The test set is never given to it. A trial that diverges scores an infinite
 * loss. Deterministic when the trial is.
 */
public final class RateSearch {
    /** Learning rates tried by default: half-decades from 0.003 to 3. */
    public static final double[] DEFAULT_GRID = {0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0};

    /** The share of the training samples held out for validation. */
    public static final double VALIDATION_SHARE = 0.2;

    private RateSearch() {
    }

    /** One training run at a rate on the fitting part of the training set; returns the trained network. */
    @FunctionalInterface
    public interface Trial {
        Network train(double rate, Dataset fit);
    }

    /** The chosen rate and the validation loss of every rate of the grid (infinite where the trial diverged). */
    public record Choice(double rate, double[] grid, double[] validationLoss) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Choice other && Double.compare(rate, other.rate) == 0
                    && Arrays.equals(grid, other.grid) && Arrays.equals(validationLoss, other.validationLoss);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rate, Arrays.hashCode(grid), Arrays.hashCode(validationLoss));
        }

        @Override
        public String toString() {
            return "Choice[rate=" + rate + ", grid=" + Brief.of(grid) + ", validationLoss=" + Brief.of(validationLoss)
                    + "]";
        }
    }

    /** The fitting part and the validation part of {@code train}, drawn by {@code seed}. */
    public record Split(Dataset fit, Dataset validation) {
    }

    /**
     * Holds out a seeded {@link #VALIDATION_SHARE} of {@code train} (at least one sample, at least
     * one left to fit).
     *
     * @throws IllegalArgumentException if {@code train} has fewer than 2 samples
     */
    public static Split split(Dataset train, long seed) {
        int n = train.size();
        if (n < 2) {
            throw new IllegalArgumentException("a validation split needs at least 2 training samples, got " + n);
        }
        int held = Math.max(1, Math.min(n - 1, (int) Math.round(VALIDATION_SHARE * n)));
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        MiniBatches.shuffle(order, new SplittableRandom(seed));
        return new Split(train.select(Arrays.copyOfRange(order, held, n)),
                train.select(Arrays.copyOfRange(order, 0, held)));
    }

    /**
     * Runs {@code trial} at every rate of {@code grid} on the fitting part of {@code train}'s split
     * by {@code seed}, and returns the rate with the least validation loss.
     *
     * @throws IllegalArgumentException if the grid is empty or not of positive finite rates, or the
     *     trial diverged at every rate
     */
    public static Choice search(SheafKernel kernel, Dataset train, double[] grid, long seed, Trial trial) {
        if (grid.length == 0) {
            throw new IllegalArgumentException("the grid of learning rates is empty");
        }
        for (double rate : grid) {
            if (!(rate > 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("a learning rate of the grid must be positive and finite, got "
                        + rate);
            }
        }
        Split split = split(train, seed);
        double[] losses = new double[grid.length];
        int best = -1;
        for (int k = 0; k < grid.length; k++) {
            losses[k] = validationLoss(kernel, trial, grid[k], split);
            if (losses[k] < Double.POSITIVE_INFINITY
                    && (best < 0 || losses[k] < losses[best] || (losses[k] == losses[best] && grid[k] < grid[best]))) {
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("training diverged at every learning rate of " + Arrays.toString(grid)
                    + "; try smaller rates");
        }
        return new Choice(grid[best], grid.clone(), losses);
    }

    private static double validationLoss(SheafKernel kernel, Trial trial, double rate, Split split) {
        try {
            double loss = Predictions.loss(kernel, trial.train(rate, split.fit()).parameters(), split.validation());
            return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
        } catch (NonFiniteException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
