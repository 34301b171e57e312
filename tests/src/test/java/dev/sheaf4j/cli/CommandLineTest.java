package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool end to end: output, closing lines and exit codes. */
class CommandLineTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    private String stdout() {
        return console.stdout();
    }

    @Test
    void conformanceOnTheFixtureFolderPassesAndCloses() throws Exception {
        Path folder = Path.of(getClass().getResource("/conformance").toURI());
        assertEquals(0, Main.run("conformance", folder.toString()));
        String[] lines = stdout().trim().split("\n");
        assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed, \\d+ skipped"), lines[lines.length - 1]);
    }

    @Test
    void conformanceFailureExitsWithOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{}");
        assertEquals(Main.FAILED, Main.run("conformance", file.toString()));
        assertTrue(stdout().contains("FAIL"), stdout());
        assertTrue(stdout().trim().endsWith("0 passed, 1 failed, 0 skipped"), stdout());
    }

    @Test
    void aMissingFileIsOneClearErrorLine() {
        assertEquals(Main.BAD_INPUT, Main.run("conformance", "/no/such/fixture.json"));
        String message = console.stderr().trim();
        assertEquals("sheaf4j: no such fixture file or folder: /no/such/fixture.json", message);
    }

    @Test
    void demoShowsTheHarmonicExtensionAndConvergenceAndWritesItsReport(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.run("demo", "--out", dir.toString()));
        String text = stdout();
        assertTrue(text.contains("gradient descent"), text);
        assertTrue(Files.readString(dir.resolve("index.html")).contains("training.png"));
        assertTrue(text.contains("det delta_Omega = 1.000000000000000"), text);
        assertTrue(text.contains("Cholesky of L_free: succeeds"), text);
        assertTrue(text.contains("converged after"), text);
        assertTrue(text.contains("; activation pattern switches: ["), text);
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, Main.run("no-such-command"));
    }

    @Test
    void pinSolvesExactlyAndShowsWhereTheTensionSits() {
        assertEquals(0, Main.run("pin", "--network", "tiny", "--pin", "z1[0]=0.5"));
        String text = stdout();
        assertTrue(text.contains("certified stationary point"), text);
        assertTrue(text.contains("the tension sits mostly in weight 1"), text);
    }

    @Test
    void pinSolvesAnInverseProblemAsJson() {
        assertEquals(0, Main.run("pin", "--network", "trained-paraboloid", "--input", "0.5,0.5", "--free-input",
                "--soft-pin", "x[0]=0.5@0.01", "--soft-pin", "x[1]=0.5@0.01", "--pin", "z2[0]=0.8", "--json"));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject();
        assertTrue(json.getAsJsonObject("certificate").get("certified").getAsBoolean());
        assertEquals(0.8, json.getAsJsonArray("pinnedOutput").get(0).getAsDouble(), 0.0);
        double reached = json.getAsJsonArray("forwardOfPinnedInput").get(0).getAsDouble();
        assertTrue(Math.abs(reached - 0.8) < 0.05, "the found input's forward pass gives " + reached);
    }

    @Test
    void badPinsAreOneClearLineAndExitTwo() {
        assertEquals(Main.BAD_INPUT, Main.run("pin", "--network", "tiny", "--pin", "z1[9]=1"));
        assertEquals("sheaf4j: neuron 9 does not exist in layer 1 of width 4 (z_1[9])",
                console.stderr().trim());
    }

    @Test
    void trainComparesSheafTrainingWithGradientDescentAndSaves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("circle.sheaf");
        assertEquals(0, Main.run("train", "circle", "--epochs", "3", "--steps", "50", "--sgd-epochs", "150", "--json",
                "--save", file.toString()));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject();
        com.google.gson.JsonArray results = json.getAsJsonArray("results");
        assertEquals(2, results.size());
        com.google.gson.JsonObject sheaf = results.get(0).getAsJsonObject();
        assertEquals("sheaf", sheaf.get("method").getAsString());
        assertEquals(4, sheaf.getAsJsonArray("trainLossCurve").size());
        assertTrue(sheaf.get("testAccuracy").getAsDouble() > 0.3);
        assertEquals(dev.sheaf4j.examples.CircleSheaf.ARCHITECTURE,
                dev.sheaf4j.io.NetworkFile.load(file).architecture());
    }

    @Test
    void theJointScheduleOptionsReachTheJointDynamics() {
        assertEquals(0, Main.run("train", "blobs", "--methods", "sheaf", "--epochs", "2", "--steps", "20",
                "--batch-size", "20", "--dt", "0.1", "--joint-stalk-steps", "3", "--joint-forward-pass",
                "--joint-layer-rates", "--json", "--quiet"));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject();
        com.google.gson.JsonObject joint = json.getAsJsonObject("settings").getAsJsonObject("joint");
        assertEquals(3, joint.get("stalkSteps").getAsInt());
        assertTrue(joint.get("forwardPassEachStep").getAsBoolean());
        assertTrue(joint.get("layerScaled").getAsBoolean());
        com.google.gson.JsonObject sheaf = json.getAsJsonArray("results").get(0).getAsJsonObject();
        assertTrue(sheaf.get("finalTrainLoss").getAsDouble() < sheaf.getAsJsonArray("trainLossCurve").get(0)
                .getAsDouble(), sheaf.toString());
    }

    @Test
    void gradientDescentTakesTheValidatedRateAndTheNudgedMethodLearnsWithoutBackpropagation() {
        assertEquals(0, Main.run("train", "blobs", "--methods", "nudged,sgd", "--epochs", "2", "--steps", "10",
                "--nudge-rate", "0.3", "--json", "--quiet"));
        com.google.gson.JsonArray results = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject()
                .getAsJsonArray("results");
        com.google.gson.JsonObject nudged = results.get(0).getAsJsonObject();
        assertEquals(0.3, nudged.get("learningRate").getAsDouble());
        assertEquals(20, nudged.get("weightSteps").getAsLong());
        assertTrue(nudged.get("finalTrainLoss").getAsDouble() < nudged.getAsJsonArray("trainLossCurve").get(0)
                .getAsDouble());
        com.google.gson.JsonObject sgd = results.get(1).getAsJsonObject();
        assertEquals(20, sgd.get("weightSteps").getAsLong());
        com.google.gson.JsonArray grid = sgd.getAsJsonArray("rateGrid");
        com.google.gson.JsonArray losses = sgd.getAsJsonArray("rateValidationLoss");
        int best = -1;
        for (int k = 0; k < grid.size(); k++) {
            if (!losses.get(k).isJsonNull() && (best < 0
                    || losses.get(k).getAsDouble() < losses.get(best).getAsDouble())) {
                best = k;
            }
        }
        assertEquals(grid.get(best).getAsDouble(), sgd.get("learningRate").getAsDouble());
    }

    @Test
    void anUnknownTaskIsABadInput() {
        assertEquals(Main.BAD_INPUT, Main.run("train", "weather"));
        assertTrue(console.stderr().contains("unknown task 'weather'"));
    }

    @Test
    void diagnoseReportsSpectrumPinnedDiscordAndConvergence() {
        assertEquals(0, Main.run("diagnose", "circle", "--inputs", "20", "--json"));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals(20, json.getAsJsonObject("pinnedDiscord").get("certified").getAsInt());
        assertTrue(json.getAsJsonObject("spectrum").getAsJsonObject("lambdaMin").get("median").getAsDouble() > 0);
        com.google.gson.JsonObject convergence = json.getAsJsonObject("convergence");
        double fitted = convergence.get("fittedRate").getAsDouble();
        double predicted = convergence.get("predictedEuler").getAsDouble();
        assertEquals(predicted, fitted, 0.1 * predicted);
    }

    @Test
    void inferPrintsOutputsAndTheHarmonicExtensionsAgreement() {
        assertEquals(0, Main.run("infer", "--json", "1,0.5", "-0.3,2"));
        com.google.gson.JsonArray rows = com.google.gson.JsonParser.parseString(stdout()).getAsJsonArray();
        assertEquals(2, rows.size());
        assertEquals(-0.3, rows.get(1).getAsJsonObject().getAsJsonArray("input").get(0).getAsDouble(), 0.0);
        assertEquals(0.0, rows.get(0).getAsJsonObject().get("harmonicExtensionDifference").getAsDouble(), 1e-12);
        assertEquals(Main.BAD_INPUT, Main.run("infer", "1,2,3"));
    }
}
