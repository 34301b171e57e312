package dev.sheaf4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The equal-wall-time reading of a loss curve and the budget check's verdict. */
class ComparisonTest {
    private static final TrialSettings SETTINGS = new TrialSettings("paraboloid", 1, null, null, "nudged", null, null,
            30, 4, 10, null, null, null, null, null, null, null, null, null, null, null, null, null, 1);

    /** A trial of 40 weight steps in {@code seconds}, its test loss recorded every 10 steps. */
    private static TrialResult trial(double seconds) {
        List<Double> loss = List.of(5.0, 4.0, 3.0, 2.0, 1.0);
        return new TrialResult(SETTINGS, 1.0, 1.0, null, null, 4, false, null, seconds, loss, loss, 40,
                List.of(0L, 10L, 20L, 30L, 40L), seconds);
    }

    @Test
    void theLossAtEqualTimeIsTheLastPointReachedByThen() {
        assertEquals(5.0, Comparison.lossAtSeconds(trial(8), 1.9), "10 steps take 2 s: none done after 1.9 s");
        assertEquals(4.0, Comparison.lossAtSeconds(trial(8), 2.0));
        assertEquals(3.0, Comparison.lossAtSeconds(trial(8), 5.9));
        assertEquals(2.0, Comparison.lossAtSeconds(trial(8), 6.0));
        assertEquals(1.0, Comparison.lossAtSeconds(trial(8), 8.0));
        assertEquals(1.0, Comparison.lossAtSeconds(trial(8), 30.0), "a faster method keeps its final loss");
    }

    private static MethodSummary sgd(long steps, Double testLoss) {
        return new MethodSummary("sgd", true, steps, testLoss, null, null, 1.0, null, null, null, 3, 0, 0, List.of(),
                List.of());
    }

    @Test
    void aBudgetIsNearlyConvergedWithinTenPercentOfTenTimesIt() {
        BudgetCheck close = BudgetCheck.of(sgd(100, 1.09), sgd(1000, 1.0));
        assertEquals(1000, close.weightSteps());
        assertEquals(1.09, close.ratio(), 1e-12);
        assertTrue(close.nearlyConverged());
        assertFalse(BudgetCheck.of(sgd(100, 1.11), sgd(1000, 1.0)).nearlyConverged());
        assertTrue(BudgetCheck.of(sgd(100, 0.9), sgd(1000, 1.0)).nearlyConverged(), "more steps that overfit");
        BudgetCheck failed = BudgetCheck.of(sgd(100, 1.0), sgd(1000, null));
        assertNull(failed.ratio());
        assertFalse(failed.nearlyConverged());
    }
}
