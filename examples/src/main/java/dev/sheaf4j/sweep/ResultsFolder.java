package dev.sheaf4j.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.sheaf4j.io.AtomicFiles;
import dev.sheaf4j.io.FileErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder. {@code results.jsonl} holds one JSON line per finished trial, appended
 * as the trial ends with one write forced to the disk; a line cut short by a crash is dropped when
 * the folder is opened again, and its trial runs again. {@code results.csv} and {@code summary.csv}
 * are rewritten atomically from those rows, in the grid's order.
 */
public final class ResultsFolder {
    /** The file of results, one JSON object per line. */
    public static final String JSON_LINES = "results.jsonl";
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final Path dir;
    private final Map<TrialSettings, TrialResult> done = new LinkedHashMap<>();

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The folder {@code dir} with the results already in it.
     *
     * @throws IOException if {@code results.jsonl} cannot be read or repaired
     */
    public static ResultsFolder open(Path dir) throws IOException {
        ResultsFolder folder = new ResultsFolder(dir);
        Path file = dir.resolve(JSON_LINES);
        if (!Files.exists(file)) {
            return folder;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileErrors.reading(file, e);
        }
        StringBuilder kept = new StringBuilder();
        for (String line : lines) {
            TrialResult row = parse(line);
            if (row != null) {
                folder.done.put(row.settings(), row);
                kept.append(line).append('\n');
            }
        }
        if (kept.length() != Files.size(file)) {
            AtomicFiles.write(file, out -> out.write(kept.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return folder;
    }

    /** A row of {@code results.jsonl}, or null for a line cut short or not a row. */
    private static TrialResult parse(String line) {
        try {
            TrialResult row = GSON.fromJson(line, TrialResult.class);
            return row != null && row.settings() != null && row.settings().task() != null ? row : null;
        } catch (JsonParseException cutShort) {
            return null;
        }
    }

    /** Whether {@code trial} has a result here already. */
    public synchronized boolean isDone(TrialSettings trial) {
        return done.containsKey(trial);
    }

    /** The results of {@code trials} found here, in their order. */
    public synchronized List<TrialResult> resultsOf(List<TrialSettings> trials) {
        List<TrialResult> rows = new ArrayList<>();
        for (TrialSettings trial : trials) {
            if (done.containsKey(trial)) {
                rows.add(done.get(trial));
            }
        }
        return rows;
    }

    /** Appends {@code result} to {@code results.jsonl} in one write forced to the disk. */
    public synchronized void append(TrialResult result) throws IOException {
        Path file = dir.resolve(JSON_LINES);
        byte[] line = (GSON.toJson(result) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw FileErrors.writing(file, e);
        }
        done.put(result.settings(), result);
    }

    /** Rewrites {@code results.csv} and {@code summary.csv} for {@code trials} from the results found so far. */
    public void writeTables(List<TrialSettings> trials) throws IOException {
        List<TrialResult> rows = resultsOf(trials);
        write("results.csv", ResultsTable.csv(rows, true));
        write("summary.csv", SeedSummary.csv(rows));
    }

    private void write(String name, String text) throws IOException {
        AtomicFiles.write(dir.resolve(name), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
