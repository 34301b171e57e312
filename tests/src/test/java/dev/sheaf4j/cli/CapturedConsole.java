package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures standard output and error around each test, for tests of the command-line tool. */
final class CapturedConsole implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** What was printed to standard output so far. */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What was printed to standard error so far. */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs the tool with {@code args} (a command and its arguments) expecting a usage error: exit 2,
     * one line naming every one of {@code words}, and the hint to the command's help.
     */
    void assertUsageError(List<String> words, String... args) {
        clear();
        assertEquals(Main.BAD_INPUT, Main.run(args), this::stderr);
        List<String> lines = stderr().lines().toList();
        assertEquals(2, lines.size(), stderr());
        for (String word : words) {
            assertTrue(lines.get(0).contains(word), "'" + word + "' in " + lines.get(0));
        }
        assertEquals("try './sheaf4j " + args[0] + " --help'", lines.get(1));
    }

    /** Forgets what was printed so far. */
    void clear() {
        out.reset();
        err.reset();
    }
}
