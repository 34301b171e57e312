package dev.sheaf4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sheaf4j.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial is deterministic, and is the run {@code train --threads 1} makes with the same settings. */
class TrialRunnerTest {
    private static final TrialSettings TRIAL = new TrialSettings("paraboloid", 1, null, null, "sheaf", 3.0, null, null,
            2, 50, null, null, null, null, null, null, null, null, null, null, null, null, null, 2);

    @Test
    void aTrialGivesTheSameNumbersEveryTime() {
        TrialResult first = TrialRunner.run(TRIAL);
        TrialResult second = TrialRunner.run(TRIAL);
        assertEquals(first.withoutSeconds(), second.withoutSeconds());
        assertEquals(3, first.trainLoss().size());
        TrialResult otherSeed = TrialRunner.run(TRIAL.withSeed(3));
        assertNotEquals(first.finalTrainLoss(), otherSeed.finalTrainLoss());
    }

    /** The first result row of {@code train} with {@code args}. */
    private static JsonObject trainRow(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(saved);
        }
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("results").get(0).getAsJsonObject();
    }

    private static void assertSameRun(JsonObject row, TrialResult result, String method) {
        assertEquals(row.get("finalTrainLoss").getAsDouble(), result.finalTrainLoss(), 0.0, method);
        assertEquals(row.get("finalTestLoss").getAsDouble(), result.finalTestLoss(), 0.0, method);
        assertEquals(row.get("weightSteps").getAsLong(), result.weightSteps(), method);
    }

    @Test
    void aTrialIsTheRunOfTrainWithTheSameSettings() {
        for (String method : List.of("sheaf", "equilibrium", "nudged", "sgd")) {
            TrialResult result = TrialRunner.run(TRIAL.withMethod(method));
            JsonObject row = trainRow("train", "paraboloid", "--methods", method, "--beta-n", "3", "--epochs", "2",
                    "--steps", "50", "--seed", "2", "--threads", "1", "--json", "--quiet");
            assertSameRun(row, result, method);
        }
    }

    @Test
    void aResidualTrialIsTheRunOfTrainWithTheSameSkips() {
        TrialSettings residual = new TrialSettings("paraboloid", 2, null, "0-2p,1-3p", "sheaf", 3.0, null, null, 2,
                50, null, null, null, null, null, null, null, null, null, null, null, null, null, 2);
        TrialResult result = TrialRunner.run(residual);
        JsonObject row = trainRow("train", "paraboloid", "--hidden", "2", "--skips", "0-2p,1-3p", "--methods", "sheaf",
                "--beta-n", "3", "--epochs", "2", "--steps", "50", "--seed", "2", "--threads", "1", "--json",
                "--quiet");
        assertSameRun(row, result, "sheaf with skips");
        TrialResult plain = TrialRunner.run(new TrialSettings("paraboloid", 2, null, null, "sheaf", 3.0, null, null, 2,
                50, null, null, null, null, null, null, null, null, null, null, null, null, null, 2));
        assertNotEquals(plain.finalTestLoss(), result.finalTestLoss(), "the skips change the run");
    }

    @Test
    void aSheafTrialTakesTheJointScheduleAsTrainDoes() {
        TrialSettings scheduled = new TrialSettings("paraboloid", 1, null, null, "sheaf", 3.0, 0.05, 10, 2, 20, null,
                null, null, 3, true, true, null, null, null, null, null, null, null, 2);
        TrialResult result = TrialRunner.run(scheduled);
        JsonObject row = trainRow("train", "paraboloid", "--methods", "sheaf", "--beta-n", "3", "--dt", "0.05",
                "--batch-size", "10", "--epochs", "2", "--steps", "20", "--seed", "2", "--joint-stalk-steps", "3",
                "--joint-forward-pass", "--joint-layer-rates", "--threads", "1", "--json", "--quiet");
        assertSameRun(row, result, "sheaf with the schedule");
        TrialResult paper = TrialRunner.run(new TrialSettings("paraboloid", 1, null, null, "sheaf", 3.0, 0.05, 10, 2,
                20, null, null, null, null, null, null, null, null, null, null, null, null, null, 2));
        assertNotEquals(paper.finalTestLoss(), result.finalTestLoss(), "the schedule changes the run");
    }

    @Test
    void aNudgedTrialTakesTheNudgedOptionsAsTrainDoes() {
        TrialSettings nudged = new TrialSettings("paraboloid", 1, null, null, "nudged", null, null, 10, 2, 20, null,
                null, null, null, null, null, null, 0.02, true, 0.03, 0.5, true, 15, 2);
        TrialResult result = TrialRunner.run(nudged);
        JsonObject row = trainRow("train", "paraboloid", "--methods", "nudged", "--batch-size", "10", "--epochs", "2",
                "--steps", "20", "--seed", "2", "--nudge", "0.02", "--nudge-symmetric", "--nudge-rate", "0.03",
                "--momentum", "0.5", "--layer-rates", "--rate-decay", "15", "--json", "--quiet");
        assertSameRun(row, result, "nudged with options");
        TrialResult defaults = TrialRunner.run(new TrialSettings("paraboloid", 1, null, null, "nudged", null, null, 10,
                2, 20, null, null, null, null, null, null, null, null, null, 0.03, null, null, null, 2));
        assertNotEquals(result.finalTestLoss(), defaults.finalTestLoss(), "the options change the run");
    }
}
