package dev.sheaf4j.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sheaf4j.io.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every check a fixture file supports (see the fixture format's README) and prints one line
 * per check and a closing {@code N passed, N failed, N skipped} line.
 */
public final class ConformanceRunner {
    /** Totals over a run. */
    public record Summary(int passed, int failed, int skipped) {
        /** The closing line. */
        public String line() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    /** Where a JSON parser's message places the error. */
    private static final Pattern PLACE = Pattern.compile("line \\d+ column \\d+");

    private ConformanceRunner() {
    }

    /** The checks of one fixture file; a file that cannot be read gives one failed check. */
    public static List<CheckResult> check(Path file) {
        JsonObject root;
        try {
            root = read(file);
        } catch (IOException e) {
            return List.of(CheckResult.error("read fixture", e));
        }
        List<CheckResult> results = new ArrayList<>();
        try {
            if (root.has("network")) {
                results.addAll(new InferenceChecks(root).run());
            }
            if (root.has("sheafTraining") || root.has("sgdBaseline") || root.has("initialNetwork")) {
                results.addAll(new TrainingChecks(root).run());
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.error("load fixture", e));
        }
        if (results.isEmpty()) {
            results.add(new CheckResult(Status.FAIL, "recognise fixture", "no known section",
                    "network or sheafTraining", "-"));
        }
        return results;
    }

    /** The fixture's top-level object; the exception's message says in one line why the file holds none. */
    private static JsonObject read(Path file) throws IOException {
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (JsonIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new IOException("not UTF-8 text (binary data, or a corrupted byte)", e);
            }
            throw e.getCause() instanceof IOException cause ? FileErrors.reading(file, cause) : new IOException(e);
        } catch (JsonParseException e) {
            Matcher where = PLACE.matcher(String.valueOf(e.getMessage()));
            throw new IOException("not JSON" + (where.find() ? " (malformed at " + where.group() + ")" : ""), e);
        } catch (IOException e) {
            throw FileErrors.reading(file, e);
        }
        if (!root.isJsonObject()) {
            throw new IOException("not a fixture: its top level is not a JSON object");
        }
        return root.getAsJsonObject();
    }

    /** Checks each file, printing a line per check prefixed with the file name, then the totals. */
    public static Summary run(List<Path> files, PrintStream out) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path file : files) {
            for (CheckResult result : check(file)) {
                out.println(file.getFileName() + ": " + result.line());
                switch (result.status()) {
                    case PASS -> passed++;
                    case FAIL -> failed++;
                    case SKIP -> skipped++;
                    default -> throw new IllegalStateException(result.status().name());
                }
            }
        }
        Summary summary = new Summary(passed, failed, skipped);
        out.println(summary.line());
        return summary;
    }
}
