package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} end to end: its files, resuming an interrupted sweep, and its one-line errors. */
class SweepCommandTest {
    private static final String[] SWEEP = {"sweep", "paraboloid", "--beta-n", "1,3,3000", "--seeds", "1,2",
        "--epochs", "2", "--steps", "20", "--threads", "2", "--json", "--quiet"};

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    private JsonObject sweep(Path out, String... more) {
        console.clear();
        List<String> args = new ArrayList<>(List.of(SWEEP));
        args.addAll(List.of(more));
        args.addAll(List.of("--out", out.toString()));
        assertEquals(0, Main.run(args.toArray(new String[0])), console::stderr);
        return JsonParser.parseString(console.stdout()).getAsJsonObject();
    }

    /** Runs {@code sweep} on the spec {@code json} (written into {@code dir}) and {@code options}, into dir/a. */
    private JsonObject sweepSpec(Path dir, String json, String... options) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, json);
        List<String> args = new ArrayList<>(List.of("sweep", "--spec", spec.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", dir.resolve("a").toString(), "--json", "--quiet"));
        console.clear();
        assertEquals(0, Main.run(args.toArray(new String[0])), console::stderr);
        return JsonParser.parseString(console.stdout()).getAsJsonObject();
    }

    /** Asserts that the first two trials of {@code report}, which differ in {@code what}, end at other test losses. */
    private static void assertTheRunsDiffer(JsonObject report, String what) {
        JsonObject first = report.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject second = report.getAsJsonArray("results").get(1).getAsJsonObject();
        assertTrue(first.get("finalTestLoss").getAsDouble() != second.get("finalTestLoss").getAsDouble(),
                "the run depends on " + what);
    }

    /** The results table without its seconds column, the one column that differs between runs. */
    private static List<String> tableWithoutSeconds(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        return lines.stream().map(line -> {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(seconds);
            return String.join(",", cells);
        }).toList();
    }

    @Test
    void writesTheTablesAndFiguresWithADivergedTrialAsARow(@TempDir Path out) throws Exception {
        JsonObject report = sweep(out);
        assertEquals(6, report.get("trials").getAsInt());
        assertEquals(6, report.get("ran").getAsInt());
        assertEquals(2, report.get("diverged").getAsInt());
        List<String> table = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertEquals(7, table.size());
        assertTrue(table.get(0).startsWith("task,hidden,widths,skips,method,betaN,"), table.get(0));
        assertTrue(table.get(5).startsWith("paraboloid,1,,,sheaf,3000.0,") && table.get(5).contains(",true,"),
                table.get(5));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        assertEquals(4, summary.size(), "one row per weight rate, over both seeds");
        assertTrue(summary.get(3).contains(",2,2,0,"), "both seeds diverged at 3000: " + summary.get(3));
        assertEquals(6, Files.readAllLines(out.resolve("results.jsonl")).size());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("loss-vs-weight-rate.png") && index.contains("loss-per-method.png"), index);
    }

    @Test
    void aRerunSkipsTheTrialsDoneAndRunsTheRest(@TempDir Path out) throws Exception {
        sweep(out);
        List<String> complete = tableWithoutSeconds(out);
        Path lines = out.resolve("results.jsonl");
        List<String> rows = Files.readAllLines(lines, StandardCharsets.UTF_8);
        // as if killed while writing the fourth row: three whole rows and a line cut short
        Files.writeString(lines, String.join("\n", rows.subList(0, 3)) + "\n" + rows.get(3).substring(0, 40),
                StandardCharsets.UTF_8);

        JsonObject report = sweep(out);
        assertEquals(3, report.get("skipped").getAsInt());
        assertEquals(3, report.get("ran").getAsInt());
        assertEquals(complete, tableWithoutSeconds(out));
        assertEquals(6, Files.readAllLines(lines).size());

        assertEquals(0, sweep(out).get("ran").getAsInt(), "a finished sweep has nothing left to run");
    }

    @Test
    void aSpecFileGivesTheGridAndOptionsReplaceItsKeys(@TempDir Path out) throws Exception {
        JsonObject report = sweepSpec(out, "{\"task\": \"paraboloid\", \"betaN\": [1, 3], \"seed\": 4, \"epochs\": 1,"
                + " \"steps\": 10}", "--seeds", "5,6");
        assertEquals(4, report.get("trials").getAsInt());
        String table = Files.readString(out.resolve("a").resolve("results.csv"));
        assertTrue(table.contains("paraboloid,1,,,sheaf,3.0,,,1,10,,,,,,,,,,,,,,6,"), table);
    }

    @Test
    void theNudgedMethodsOptionsAreAxesOfTheGrid(@TempDir Path out) throws Exception {
        JsonObject report = sweepSpec(out, "{\"task\": \"paraboloid\", \"method\": \"nudged\", \"nudgeRate\": 0.03,"
                + " \"nudge\": 0.02, \"rateDecay\": 5, \"nudgeSymmetric\": false, \"epochs\": 1, \"steps\": 10}",
                "--momentum", "0,0.5", "--layer-rates", "true");
        assertEquals(2, report.get("trials").getAsInt());
        assertEquals(0, report.get("failed").getAsInt(), console.stdout());
        List<String> table = Files.readAllLines(out.resolve("a").resolve("results.csv"), StandardCharsets.UTF_8);
        assertTrue(table.get(0).startsWith("task,hidden,widths,skips,method,betaN,dt,batchSize,epochs,steps,alpha,init,"
                + "warm,jointStalkSteps,jointForwardPass,jointLayerRates,sgdRate,nudge,nudgeSymmetric,nudgeRate,"
                + "momentum,layerRates,rateDecay,seed,"), table.get(0));
        assertTrue(table.get(0).endsWith(",testLossCurve,weightSteps"), table.get(0));
        assertTrue(table.get(1).startsWith("paraboloid,1,,,nudged,,,,1,10,,,,,,,,0.02,false,0.03,0.0,true,5,1,"),
                table.get(1));
        assertTrue(table.get(2).contains(",0.03,0.5,true,5,1,") && table.get(2).endsWith(",10"), table.get(2));
        assertTheRunsDiffer(report, "momentum");
    }

    @Test
    void theJointScheduleIsAnAxisOfTheGrid(@TempDir Path out) throws Exception {
        JsonObject report = sweepSpec(out, "{\"task\": \"paraboloid\", \"dt\": 0.05, \"jointLayerRates\": true,"
                + " \"epochs\": 1, \"steps\": 10}", "--joint-stalk-steps", "1,3", "--joint-forward-pass", "true");
        assertEquals(2, report.get("trials").getAsInt());
        assertEquals(0, report.get("failed").getAsInt(), console.stdout());
        List<String> table = Files.readAllLines(out.resolve("a").resolve("results.csv"), StandardCharsets.UTF_8);
        assertTrue(table.get(1).startsWith("paraboloid,1,,,sheaf,,0.05,,1,10,,,,1,true,true,,,,,,,,1,"),
                table.get(1));
        assertTrue(table.get(2).startsWith("paraboloid,1,,,sheaf,,0.05,,1,10,,,,3,true,true,"), table.get(2));
        assertTheRunsDiffer(report, "the stalk steps");
    }

    private void assertUsageError(List<String> words, String... args) {
        console.assertUsageError(words, args);
    }

    @Test
    void badSpecFilesAndOptionsAreOneLineErrors(@TempDir Path dir) throws Exception {
        String out = dir.resolve("out").toString();
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"task\": \"paraboloid\", \"betaM\": [1]}");
        assertUsageError(List.of(spec.toString(), "unknown key 'betaM'"), "sweep", "--spec", spec.toString(),
                "--out", out);
        Files.writeString(spec, "{\"task\": \"paraboloid\", \"epochs\": [1.5]}");
        assertUsageError(List.of(spec.toString(), "epochs must be whole numbers"), "sweep", "--spec", spec.toString(),
                "--out", out);
        Files.writeString(spec, "{\"task\": \"paraboloid\", ");
        assertUsageError(List.of(spec.toString(), "not valid JSON"), "sweep", "--spec", spec.toString(), "--out", out);
        Files.writeString(spec, "{\"task\": \"paraboloid\", \"betaN\": -1}");
        assertUsageError(List.of(spec.toString(), "betaN must be a finite number above 0"), "sweep", "--spec",
                spec.toString(), "--out", out);
        assertUsageError(List.of("no-such.json", "no such file"), "sweep", "--spec", dir.resolve("no-such.json")
                .toString(), "--out", out);
        assertUsageError(List.of("--beta-n", "-1"), "sweep", "paraboloid", "--beta-n", "1,-1", "--out", out);
        assertUsageError(List.of("--hidden", "3"), "sweep", "paraboloid", "--hidden", "3", "--out", out);
        assertUsageError(List.of("--momentum", "[0, 1)", "1.5"), "sweep", "paraboloid", "--momentum", "1.5", "--out",
                out);
        assertUsageError(List.of("--nudge-rate", "-1"), "sweep", "paraboloid", "--nudge-rate", "-1", "--out", out);
        assertUsageError(List.of("--joint-stalk-steps", "at least 1", "0"), "sweep", "paraboloid",
                "--joint-stalk-steps", "2,0", "--out", out);
        Files.writeString(spec, "{\"task\": \"paraboloid\", \"layerRates\": 3}");
        assertUsageError(List.of(spec.toString(), "layerRates must be true or false"), "sweep", "--spec",
                spec.toString(), "--out", out);
        assertUsageError(List.of("--methods", "adam"), "sweep", "paraboloid", "--methods", "sheaf,adam", "--out", out);
        assertUsageError(List.of("--engine", "hadoop"), "sweep", "paraboloid", "--engine", "hadoop", "--out", out);
        assertUsageError(List.of("widths 3,5,1", "2 inputs"), "sweep", "paraboloid", "--widths", "3,5,1", "--out",
                out);
        assertUsageError(List.of("skip '1>3'", "FROM-TO"), "sweep", "paraboloid", "--skips", "1>3", "--out", out);
        assertUsageError(List.of("a_1 -> z_2", "equal widths", "projection"), "sweep", "paraboloid", "--hidden", "2",
                "--skips", "1-2", "--out", out);
        assertUsageError(List.of("TASK"), "sweep", "--out", out);
        assertTrue(Files.notExists(dir.resolve("out").resolve("results.csv")), "nothing ran");
    }
}
