package dev.sheaf4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local and the Spark engine (with an embedded {@code local[2]} master) give the same results
 * table for the same trials, row by row, a diverging and a failing trial included.
 */
class SweepEnginesTest {
    @Test
    void localAndSparkEnginesGiveTheSameTable() throws Exception {
        Grid grid = new Grid().set("task", List.of("paraboloid", "circle"), "task")
                .set("betaN", List.of(1.0, 3000.0), "betaN").set("seed", List.of(1L, 2L), "seed")
                .set("epochs", List.of(2), "epochs").set("steps", List.of(20), "steps");
        List<TrialSettings> trials = new ArrayList<>(grid.trials());
        TrialSettings failing = new TrialSettings("no-such-task", 1, null, null, "sheaf", null, null, null, 1, 1, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 1);
        trials.add(failing);

        List<TrialResult> local = new LocalEngine().runAll(trials, new EngineOptions(2, null));
        SweepEngine spark = Engines.named("spark");
        assertEquals("spark", spark.name());
        List<TrialResult> sparkRows = spark.runAll(trials, new EngineOptions(2, "local[2]"));

        List<String> localTable = ResultsTable.csv(local, false).lines().toList();
        List<String> sparkTable = ResultsTable.csv(sparkRows, false).lines().toList();
        assertEquals(trials.size() + 1, localTable.size());
        for (int row = 0; row < localTable.size(); row++) {
            assertEquals(localTable.get(row), sparkTable.get(row), "row " + row);
        }
        assertTrue(local.stream().anyMatch(TrialResult::diverged), "beta n = 3000 diverges");
        assertTrue(local.stream().anyMatch(r -> r.settings().task().equals("circle") && r.testAccuracy() != null));
        TrialResult failed = local.get(local.size() - 1);
        assertEquals(failing, failed.settings());
        assertNotNull(failed.error());
        assertTrue(failed.error().contains("unknown task 'no-such-task'"), failed.error());
    }
}
