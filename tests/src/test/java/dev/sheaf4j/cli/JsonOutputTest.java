package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Every command's {@code --json} output is strict JSON: no NaN, no infinity, nothing after the value. */
class JsonOutputTest {
    /** A small run of every command that has {@code --json}. */
    private static final Map<String, List<List<String>>> RUNS = Map.of(
            "infer", List.of(List.of("infer", "1,0.5", "-0.3,2")),
            "pin", List.of(List.of("pin", "--network", "tiny", "--pin", "z1[0]=0.5")),
            "train", List.of(List.of("train", "circle", "--epochs", "2", "--steps", "10", "--sgd-epochs", "5"),
                    List.of("train", "paraboloid", "--methods", "equilibrium", "--epochs", "1", "--steps", "2"),
                    List.of("train", "paraboloid", "--methods", "nudged,sgd", "--epochs", "1", "--steps", "3")),
            "diagnose", List.of(List.of("diagnose", "circle", "--inputs", "3")),
            "sweep", List.of(List.of("sweep", "paraboloid", "--beta-n", "1,3000", "--epochs", "1", "--steps", "5",
                    "--out", "target/json-output-sweep")),
            "compare", List.of(List.of("compare", "paraboloid", "--epochs", "1", "--steps", "3", "--seeds", "1,2",
                    "--batch-size", "10", "--quiet")),
            "bench", List.of(List.of("bench", "--networks", "tiny", "--batch", "1", "--ops", "EULER", "--rounds", "1",
                            "--round-ms", "1"),
                    List.of("bench", "--suite", "pins", "--networks", "tiny", "--batch", "1", "--max-steps", "1000"),
                    List.of("bench", "--suite", "scaling", "--networks", "tiny", "--batch", "1", "--round-ms", "1")));

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    void everyCommandWithJsonIsCovered() {
        TreeSet<String> withJson = new TreeSet<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, command) -> {
            if (command.getCommandSpec().findOption("--json") != null) {
                withJson.add(name);
            }
        });
        assertEquals(withJson, new TreeSet<>(RUNS.keySet()));
    }

    @Test
    void everyCommandPrintsStrictJson() throws IOException {
        for (List<List<String>> runs : RUNS.values()) {
            for (List<String> run : runs) {
                console.clear();
                String[] args = run.toArray(new String[0]);
                String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
                withJson[args.length] = "--json";
                assertEquals(0, Main.run(withJson), () -> run + ": " + console.stderr());
                parseStrictly(console.stdout(), run.toString());
            }
        }
    }

    private static JsonElement parseStrictly(String text, String run) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement element = JsonParser.parseReader(reader);
            assertEquals(JsonToken.END_DOCUMENT, reader.peek(), run + ": text after the JSON value");
            return element;
        } catch (RuntimeException e) {
            throw new AssertionError(run + " printed JSON that is not strict: " + e.getMessage(), e);
        }
    }
}
