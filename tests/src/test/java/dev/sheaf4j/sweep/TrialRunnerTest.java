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

/** A trial is deterministic, and is the run {@code train} makes with the same settings. */
class TrialRunnerTest {
    private static final TrialSettings TRIAL = new TrialSettings("paraboloid", 1, null, "sheaf", 3.0, null, null, 2, 50,
            null, null, null, null, 2);

    @Test
    void aTrialGivesTheSameNumbersEveryTime() {
        TrialResult first = TrialRunner.run(TRIAL);
        TrialResult second = TrialRunner.run(TRIAL);
        assertEquals(first.withoutSeconds(), second.withoutSeconds());
        assertEquals(3, first.trainLoss().size());
        TrialResult otherSeed = TrialRunner.run(new TrialSettings("paraboloid", 1, null, "sheaf", 3.0, null, null, 2,
                50, null, null, null, null, 3));
        assertNotEquals(first.finalTrainLoss(), otherSeed.finalTrainLoss());
    }

    @Test
    void aTrialIsTheRunOfTrainWithTheSameSettings() {
        for (String method : List.of("sheaf", "sgd")) {
            TrialSettings trial = new TrialSettings("paraboloid", 1, null, method, 3.0, null, null, 2, 50, null, null,
                    null, null, 2);
            TrialResult result = TrialRunner.run(trial);
            PrintStream saved = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, Main.run("train", "paraboloid", "--methods", method, "--beta-n", "3", "--epochs", "2",
                        "--steps", "50", "--seed", "2", "--json", "--quiet"));
            } finally {
                System.setOut(saved);
            }
            JsonObject row = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonArray("results").get(0).getAsJsonObject();
            assertEquals(row.get("finalTrainLoss").getAsDouble(), result.finalTrainLoss(), 0.0, method);
            assertEquals(row.get("finalTestLoss").getAsDouble(), result.finalTestLoss(), 0.0, method);
        }
    }
}
