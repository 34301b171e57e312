package dev.sheaf4j.compare;

/**
 * Whether a comparison's budget lets tuned gradient descent nearly converge: its mean test loss at
 * the budget against the one it reaches with ten times the weight steps (the rate searched again for
 * that budget). Within {@link #TOLERANCE} the comparison is past the early phase where any method
 * looks close.
 *
 * @param weightSteps the weight steps of ten times the budget
 * @param testLoss gradient descent's mean test loss there (null if every trial failed)
 * @param budgetTestLoss its mean test loss at the budget
 * @param ratio {@code budgetTestLoss / testLoss}
 * @param nearlyConverged whether the ratio is at most {@code 1 + TOLERANCE}
 */
public record BudgetCheck(long weightSteps, Double testLoss, Double budgetTestLoss, Double ratio,
        boolean nearlyConverged) {
    /** How much lower ten times the budget may leave the test loss for the budget to count as nearly converged. */
    public static final double TOLERANCE = 0.10;

    /** The check of gradient descent's row {@code atBudget} against its row {@code atTenfold}. */
    public static BudgetCheck of(MethodSummary atBudget, MethodSummary atTenfold) {
        Double ratio = Comparison.ratio(atBudget.testLoss(), atTenfold.testLoss());
        return new BudgetCheck(atTenfold.weightSteps(), atTenfold.testLoss(), atBudget.testLoss(), ratio,
                ratio != null && ratio <= 1 + TOLERANCE);
    }
}
