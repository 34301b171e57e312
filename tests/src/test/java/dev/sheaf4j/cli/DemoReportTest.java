package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's report shows the run the terminal printed, for the seed and widths asked for. */
class DemoReportTest {

    @Test
    void theReportShowsTheSameRunAsTheTerminal(@TempDir Path dir) throws Exception {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run("demo", "--seed", "3", "--widths", "3,5,1", "--out", dir.toString()));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String terminal = out.toString(StandardCharsets.UTF_8);
        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);

        Matcher run = Pattern.compile("converged after (\\d+) steps of dt [0-9.]+; activation pattern switches:"
                + " (.+)\\n").matcher(terminal);
        assertTrue(run.find(), terminal);
        assertTrue(index.contains("<td>steps</td><td>" + run.group(1) + "</td>"), "steps differ from " + run.group(1));
        assertTrue(index.contains("<td>switch steps</td><td>" + run.group(2) + "</td>"),
                "switch steps differ from " + run.group(2));
        Matcher rate = Pattern.compile("fitted decay rate of E ([0-9.]+)").matcher(terminal);
        assertTrue(rate.find(), terminal);
        Matcher reportedRate = Pattern.compile("<td>fitted decay rate of E</td><td>([0-9.eE+-]+)</td>").matcher(index);
        assertTrue(reportedRate.find(), index);
        assertEquals(Double.parseDouble(rate.group(1)), Double.parseDouble(reportedRate.group(1)), 1e-4);
        Matcher output = Pattern.compile("final output \\[(-?[0-9.]+)\\]").matcher(terminal);
        assertTrue(output.find(), terminal);
        Matcher reported = Pattern.compile("<td>output after the run</td><td>(-?[0-9.eE+-]+)</td>").matcher(index);
        assertTrue(reported.find(), index);
        assertEquals(Double.parseDouble(output.group(1)), Double.parseDouble(reported.group(1)), 1e-5);
        assertTrue(index.contains("network [3, 5, 1], seed 3"), "the report's title does not name the run");
        Matcher training = Pattern.compile("final train MSE: sheaf training ([0-9.eE+-]+), gradient descent"
                + " ([0-9.eE+-]+)").matcher(terminal);
        assertTrue(training.find(), terminal);
        assertTrue(index.contains("<td>sheaf final train</td><td>" + training.group(1) + "</td>"), index);
        assertTrue(index.contains("<td>gradient descent final train</td><td>" + training.group(2) + "</td>"), index);
    }
}
