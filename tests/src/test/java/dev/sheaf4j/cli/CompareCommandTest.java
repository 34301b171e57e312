package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} on tiny budgets: its JSON, the shared initial weights, its figures and its one-line errors. */
class CompareCommandTest {
    /** A budget of a few weight steps, the learning rates given so that no rate search runs. */
    private static final List<String> TINY = List.of("--epochs", "1", "--steps", "4", "--batch-size", "10",
            "--seeds", "1,2", "--sgd-rate", "0.03", "--nudge-rate", "0.03", "--quiet");

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    private JsonObject compare(String task, String... more) throws Exception {
        console.clear();
        List<String> args = new ArrayList<>(List.of("compare", task, "--json"));
        args.addAll(TINY);
        args.addAll(List.of(more));
        assertEquals(0, Main.run(args.toArray(new String[0])), console::stderr);
        JsonReader reader = new JsonReader(new StringReader(console.stdout()));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root = JsonParser.parseReader(reader);
        assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "nothing after the JSON value");
        return root.getAsJsonObject();
    }

    @Test
    void theJsonHasOneRowPerMethodWithTheIssuesFields() throws Exception {
        JsonObject report = compare("paraboloid");
        assertEquals("paraboloid", report.get("task").getAsString());
        JsonArray results = report.getAsJsonArray("results");
        assertEquals(4, results.size());
        Set<String> required = Set.of("method", "backprop", "weightSteps", "testLoss", "testLossSd", "testAccuracy",
                "seconds");
        List<String> methods = new ArrayList<>();
        for (JsonElement element : results) {
            JsonObject row = element.getAsJsonObject();
            assertTrue(row.keySet().containsAll(required), row.toString());
            String method = row.get("method").getAsString();
            methods.add(method);
            assertEquals(method.equals("sgd"), row.get("backprop").getAsBoolean(), method);
            assertEquals(4, row.get("weightSteps").getAsLong(), method);
            assertTrue(row.get("testAccuracy").isJsonNull(), "a regression has no accuracy: " + row);
            assertTrue(row.get("testLoss").getAsDouble() > 0, row.toString());
            assertTrue(row.get("testLossSd").getAsDouble() >= 0, row.toString());
            assertEquals(2, row.get("trials").getAsInt());
        }
        assertEquals(List.of("sgd", "sheaf", "equilibrium", "nudged"), methods);
        JsonObject sgd = results.get(0).getAsJsonObject();
        JsonObject nudged = results.get(3).getAsJsonObject();
        assertEquals(nudged.get("testLoss").getAsDouble() / sgd.get("testLoss").getAsDouble(),
                nudged.get("testLossRatio").getAsDouble(), 1e-12);
    }

    @Test
    void theBudgetCheckTrainsSgdTenTimesLongerAndComparesItsTestLoss() throws Exception {
        JsonObject report = compare("saddle", "--methods", "sgd,nudged", "--check-budget");
        JsonObject sgd = report.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject check = report.getAsJsonObject("budgetCheck");
        assertEquals(40, check.get("weightSteps").getAsLong());
        assertEquals(sgd.get("testLoss").getAsDouble(), check.get("budgetTestLoss").getAsDouble(), 0.0);
        assertNotEquals(sgd.get("testLoss").getAsDouble(), check.get("testLoss").getAsDouble(), "another run");
        double ratio = sgd.get("testLoss").getAsDouble() / check.get("testLoss").getAsDouble();
        assertEquals(ratio, check.get("ratio").getAsDouble(), 1e-12);
        assertEquals(ratio <= 1.1, check.get("nearlyConverged").getAsBoolean());
        JsonObject nudged = report.getAsJsonArray("results").get(1).getAsJsonObject();
        assertTrue(nudged.get("testLossAtSgdSeconds").getAsDouble() > 0, nudged.toString());
        assertTrue(sgd.get("testLossAtSgdSeconds").isJsonNull(), sgd.toString());
        assertEquals(2, sgd.get("trials").getAsInt(), "the check's trials are not the budget's");
    }

    @Test
    void aResidualNetworkIsComparedOnItsOwnInitialWeights() throws Exception {
        JsonArray plain = compare("paraboloid", "--widths", "2,8,8,1").getAsJsonArray("results");
        JsonArray residual = compare("paraboloid", "--widths", "2,8,8,1", "--skips", "1-2,0-3p")
                .getAsJsonArray("results");
        for (int m = 0; m < plain.size(); m++) {
            JsonObject row = residual.get(m).getAsJsonObject();
            assertEquals(2, row.get("trials").getAsInt(), row.toString());
            assertTrue(row.get("testLoss").getAsDouble() > 0, row.toString());
            assertNotEquals(plain.get(m).getAsJsonObject().get("initialTestLoss").toString(),
                    row.get("initialTestLoss").toString(), "the skips change the network of " + row.get("method"));
        }
    }

    @Test
    void theSheafMethodTakesTheJointScheduleAsTrainDoes() throws Exception {
        List<String> schedule = List.of("--dt", "0.05", "--joint-stalk-steps", "3", "--joint-forward-pass",
                "--joint-layer-rates");
        List<String> args = new ArrayList<>(List.of("--methods", "sheaf"));
        args.addAll(schedule);
        JsonObject sheaf = compare("paraboloid", args.toArray(new String[0])).getAsJsonArray("results").get(0)
                .getAsJsonObject();
        double trained = 0;
        for (String seed : List.of("1", "2")) {
            console.clear();
            List<String> train = new ArrayList<>(List.of("train", "paraboloid", "--methods", "sheaf", "--epochs", "1",
                    "--steps", "4", "--batch-size", "10", "--seed", seed, "--threads", "1", "--json", "--quiet"));
            train.addAll(schedule);
            assertEquals(0, Main.run(train.toArray(new String[0])), console::stderr);
            trained += JsonParser.parseString(console.stdout()).getAsJsonObject().getAsJsonArray("results").get(0)
                    .getAsJsonObject().get("finalTestLoss").getAsDouble() / 2;
        }
        assertEquals(trained, sheaf.get("testLoss").getAsDouble(), 1e-12 * trained, "the mean of train's over seeds");
        double paper = compare("paraboloid", "--methods", "sheaf", "--dt", "0.05").getAsJsonArray("results").get(0)
                .getAsJsonObject().get("testLoss").getAsDouble();
        assertNotEquals(paper, trained, "the schedule changes the run");
    }

    @Test
    void everyMethodStartsFromTheSameInitialWeightsOfEachSeed() throws Exception {
        JsonArray results = compare("circle").getAsJsonArray("results");
        JsonArray reference = results.get(0).getAsJsonObject().getAsJsonArray("initialTestLoss");
        assertEquals(2, reference.size());
        assertNotEquals(reference.get(0).getAsDouble(), reference.get(1).getAsDouble(), "seeds draw other weights");
        for (JsonElement element : results) {
            JsonObject row = element.getAsJsonObject();
            JsonArray initial = row.getAsJsonArray("initialTestLoss");
            for (int seed = 0; seed < 2; seed++) {
                assertEquals(reference.get(seed).getAsDouble(), initial.get(seed).getAsDouble(),
                        1e-12 * reference.get(seed).getAsDouble(), row.get("method") + " at seed index " + seed);
            }
            double accuracy = row.get("testAccuracy").getAsDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, row.toString());
        }
    }

    @Test
    void writesBothPlotsWithAnIndexAndPrintsTheTable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("figures");
        console.clear();
        List<String> args = new ArrayList<>(List.of("compare", "saddle", "--hidden", "2", "--methods", "sgd,nudged",
                "--out", out.toString()));
        args.addAll(TINY);
        assertEquals(0, Main.run(args.toArray(new String[0])), console::stderr);
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("test-loss-vs-weight-steps.png") && index.contains("test-loss-vs-seconds.png"),
                index);
        String table = console.stdout();
        assertTrue(table.contains("saddle, 2 hidden layer(s): 4 weight steps per method"), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("nudged ") && line.contains(" no ")
                && (line.contains("loses") || line.contains("wins") || line.contains("ties"))), table);
    }

    private void assertUsageError(List<String> words, String... args) {
        console.assertUsageError(words, args);
    }

    @Test
    void badTasksAndOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
        assertUsageError(List.of("TASK", "spiral"), "compare", "spiral");
        assertUsageError(List.of("--hidden", "3"), "compare", "circle", "--hidden", "3");
        assertUsageError(List.of("--methods", "adam"), "compare", "circle", "--methods", "sgd,adam");
        assertUsageError(List.of("--seeds", "repeat"), "compare", "circle", "--seeds", "1,1");
        assertUsageError(List.of("--epochs", "0"), "compare", "circle", "--epochs", "0");
        assertUsageError(List.of("--check-budget", "sgd"), "compare", "circle", "--methods", "nudged",
                "--check-budget");
        assertUsageError(List.of("--momentum", "[0, 1)"), "compare", "circle", "--momentum", "1");
        assertUsageError(List.of("--beta-n", "-3"), "compare", "circle", "--beta-n", "-3");
        assertUsageError(List.of("--widths", "3,5,1", "2 inputs"), "compare", "circle", "--widths", "3,5,1");
        assertUsageError(List.of("--skips", "a_1 -> z_2", "projection"), "compare", "paraboloid", "--hidden", "2",
                "--skips", "1-2");
        Path file = dir.resolve("a-file");
        Files.writeString(file, "");
        assertUsageError(List.of("--out", file.toString()), "compare", "circle", "--out", file.toString());
    }
}
