package dev.sheaf4j.compare;

import dev.sheaf4j.examples.Tasks;
import java.util.Map;

/**
 * The weight steps every method of a comparison takes: {@code epochs x steps} weight updates on
 * batches of {@code batchSize} samples (0 for the full batch).
 *
 * @param epochs epochs
 * @param steps weight steps per epoch
 * @param batchSize samples per step, 0 for the full batch
 */
public record Budget(int epochs, int steps, int batchSize) {
    /**
     * The default budget of each task, for one and two hidden layers alike: the smallest tried (10,000
     * or 100,000 steps on batches of 30) at which tuned gradient descent with one hidden layer is within
     * 10% of its test loss at ten times the budget (the figures, by {@code compare --check-budget}, are
     * in the README); iris takes 1,000 full-batch steps; MNIST 5,000 steps on batches of 100, at which the
     * nudged rule passes 95% test accuracy.
     */
    private static final Map<String, Budget> DEFAULTS = Map.of(
            "paraboloid", new Budget(100, 1000, 30),
            "saddle", new Budget(100, 1000, 30),
            "circle", new Budget(10, 1000, 30),
            "blobs", new Budget(10, 1000, 30),
            "iris", new Budget(10, 100, 0),
            "mnist", new Budget(50, 100, 100));

    /** The default budget of {@code task}, one of {@link Tasks#NAMES}. */
    public static Budget of(String task) {
        Budget budget = DEFAULTS.get(task);
        if (budget == null) {
            throw new IllegalArgumentException("unknown task '" + task + "'; choose from " + Tasks.NAMES);
        }
        return budget;
    }

    /** This budget with the values given (non-null) instead. */
    public Budget with(Integer epochs, Integer steps, Integer batchSize) {
        return new Budget(epochs != null ? epochs : this.epochs, steps != null ? steps : this.steps,
                batchSize != null ? batchSize : this.batchSize);
    }

    /** The weight updates of this budget. */
    public long weightSteps() {
        return (long) epochs * steps;
    }
}
