package dev.sheaf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sheaf4j.examples.CircleSheaf;
import dev.sheaf4j.io.NetworkFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool's errors: every one a single line on standard error (usage errors add a
 * hint), with the exit code the README promises, and found before any work is done.
 */
class CommandLineErrorsTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    private List<String> errorLines() {
        return console.stderr().lines().toList();
    }

    /** Runs the tool, expecting {@code code} and one error line that contains every one of {@code words}. */
    private void assertError(int code, List<String> words, String... args) {
        console.clear();
        assertEquals(code, Main.run(args), () -> String.join(" ", args) + "\n" + console.stderr());
        List<String> lines = errorLines();
        assertTrue(lines.size() >= 1 && lines.get(0).startsWith("sheaf4j: "), console.stderr());
        for (String word : words) {
            assertTrue(lines.get(0).contains(word), "'" + word + "' in " + lines.get(0));
        }
    }

    /** As {@link #assertError}, for a usage error: exit 2, one line and the hint, and nothing computed. */
    private void assertUsageError(String command, List<String> words, String... args) {
        assertError(Main.BAD_INPUT, words, args);
        assertEquals(List.of("try './sheaf4j " + command + "--help'"), errorLines().subList(1, errorLines().size()),
                console.stderr());
        assertEquals("", console.stdout(), "nothing is computed before the options are checked");
    }

    @Test
    void aUsageErrorIsOneLineAndAHintNotTheWholeUsage() {
        assertUsageError("train ", List.of("--epochs", "x"), "train", "circle", "--epochs", "x");
        assertUsageError("", List.of("no-such-command"), "no-such-command");
    }

    @Test
    void negativeCountsAreUsageErrorsNamingTheOption() {
        assertUsageError("diagnose ", List.of("--inputs", "-3"), "diagnose", "circle", "--inputs", "-3");
        assertUsageError("bench ", List.of("--batch", "-1"), "bench", "--batch", "-1");
        assertUsageError("bench ", List.of("--rounds", "0"), "bench", "--rounds", "0");
        assertUsageError("bench ", List.of("--round-ms", "2000000000"), "bench", "--round-ms", "2000000000");
        assertUsageError("bench ", List.of("--batch", "2000000000 samples"), "bench", "--networks", "tiny",
                "--batch", "2000000000");
        assertUsageError("bench ", List.of("--max-steps", "-5"), "bench", "--suite", "pins", "--max-steps", "-5");
        assertUsageError("train ", List.of("--epochs", "-1"), "train", "circle", "--epochs", "-1");
        assertUsageError("train ", List.of("--steps", "0"), "train", "circle", "--steps", "0");
        assertUsageError("train ", List.of("--batch-size", "-2"), "train", "circle", "--batch-size", "-2");
        assertUsageError("train ", List.of("--threads", "0"), "train", "circle", "--threads", "0");
        assertUsageError("train ", List.of("--sgd-epochs", "-4"), "train", "circle", "--sgd-epochs", "-4");
    }

    @Test
    void everyOptionIsCheckedBeforeAnyWorkIsDone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        Path underFile = file.resolve("out");
        assertUsageError("demo ", List.of("--out", file.toString()), "demo", "--out", underFile.toString());
        assertUsageError("figures ", List.of("--out", file.toString()), "figures", "--quick", "--out",
                underFile.toString());
        assertUsageError("train ", List.of("--sgd-rate", "-1"), "train", "circle", "--sgd-rate", "-1");
        assertUsageError("train ", List.of("--beta-n", "NaN"), "train", "circle", "--beta-n", "NaN");
        assertUsageError("train ", List.of("--dt", "0"), "train", "circle", "--dt", "0");
        assertUsageError("train ", List.of("--widths", "got 0"), "train", "circle", "--widths", "2,0,1");
        assertUsageError("train ", List.of("--skips", "skip 'x-2'", "FROM-TO"), "train", "circle", "--skips", "x-2");
        assertUsageError("train ", List.of("--skips", "a_1 -> z_0", "target must be a layer after"), "train", "circle",
                "--skips", "1-0");
        assertUsageError("train ", List.of("--skips", "the output"), "train", "circle", "--skips", "2-2p");
        assertUsageError("train ", List.of("--alpha", "-2"), "train", "circle", "--alpha", "-2");
        assertUsageError("train ", List.of("--save", file.toString()), "train", "circle", "--save",
                underFile.resolve("net.sheaf").toString());
        assertUsageError("train ", List.of("--methods", "annealing"), "train", "circle", "--methods",
                "sheaf,annealing");
        assertUsageError("train ", List.of("--momentum", "[0, 1)", "1.0"), "train", "circle", "--momentum", "1");
        assertUsageError("train ", List.of("--sgd-epochs", "--momentum"), "train", "circle", "--sgd-epochs", "5",
                "--momentum", "0.9");
        assertUsageError("train ", List.of("--nudge", "0"), "train", "circle", "--nudge", "0");
        assertUsageError("train ", List.of("--nudge-rate", "-1"), "train", "circle", "--nudge-rate", "-1");
        assertUsageError("train ", List.of("--rate-decay", "0"), "train", "circle", "--rate-decay", "0");
        assertUsageError("train ", List.of("--joint-stalk-steps", "0"), "train", "circle", "--joint-stalk-steps",
                "0");
        assertUsageError("compare ", List.of("--joint-stalk-steps", "0"), "compare", "mnist", "--joint-stalk-steps",
                "0");
        assertUsageError("compare ", List.of("--dt", "-0.1"), "compare", "mnist", "--dt", "-0.1");
        assertUsageError("bench ", List.of("--networks", "no-such-network"), "bench", "--networks",
                "tiny,no-such-network");
        assertUsageError("bench ", List.of("--suite", "speed"), "bench", "--suite", "speed");
        assertUsageError("bench ", List.of("--networks", "residual-deep", "skip connections"), "bench", "--networks",
                "tiny,residual-deep");
    }

    @Test
    void aBadOrMissingLoadFileIsABadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.sheaf");
        assertError(Main.BAD_INPUT, List.of(missing.toString(), "no such file"), "infer", "--load",
                missing.toString(), "1,2");
        assertError(Main.BAD_INPUT, List.of(dir.toString(), "folder"), "pin", "--load", dir.toString(),
                "--pin", "z1[0]=1");
        Path jar = dir.resolve("tool.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, (byte) 0xff, (byte) 0xc3, 0});
        assertError(Main.BAD_INPUT, List.of(jar.toString(), "not a sheaf4j network file"), "diagnose", "circle",
                "--load", jar.toString());
        assertEquals(1, errorLines().size(), console.stderr());
    }

    @Test
    void aNetworkWhoseHeadDoesNotFitTheTaskIsRefused(@TempDir Path dir) throws Exception {
        Path circle = dir.resolve("circle.sheaf");
        NetworkFile.save(CircleSheaf.create(1).network(), circle);
        assertError(Main.BAD_INPUT, List.of(circle.toString(), "sigmoid", "identity", "paraboloid"), "diagnose",
                "paraboloid", "--load", circle.toString(), "--inputs", "3");
        assertEquals(1, errorLines().size(), console.stderr());
    }

    @Test
    void conformanceOnAFolderWithoutFixturesFails(@TempDir Path dir) {
        assertError(Main.BAD_INPUT, List.of(dir.toString(), "no fixture"), "conformance", dir.toString());
        assertEquals(1, errorLines().size(), console.stderr());
    }

    @Test
    void aFileThatIsNotAFixtureIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("text.json"), "this is not { json");
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, 0});
        Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertEquals(Main.FAILED, Main.run("conformance", dir.toString()));
        List<String> lines = console.stdout().lines().toList();
        assertEquals(4, lines.size(), console.stdout());
        assertTrue(lines.get(0).startsWith("binary.json: FAIL  read fixture  got=error: not UTF-8 text"), lines.get(0));
        assertTrue(lines.get(1).startsWith("list.json: FAIL  read fixture  got=error: not a fixture"), lines.get(1));
        assertTrue(lines.get(2).startsWith("text.json: FAIL  read fixture  got=error: not JSON"), lines.get(2));
        assertEquals("0 passed, 3 failed, 0 skipped", lines.get(3));
    }

    @Test
    void aResultThatCannotBeComputedExitsOneWithOneLine() {
        assertError(Main.FAILED, List.of("gradient descent diverged"), "train", "paraboloid", "--methods", "sgd",
                "--sgd-rate", "1000", "--sgd-epochs", "50", "--quiet");
        assertEquals(1, errorLines().size(), console.stderr());
    }

    @Test
    void anInputWhoseForwardPassOverflowsExitsOneNamingWhere() {
        assertError(Main.FAILED, List.of("not finite"), "infer", "1e308,1e308");
        assertEquals(1, errorLines().size(), console.stderr());
    }

    @Test
    void aNetworkChosenTwoWaysIsAUsageError() {
        assertUsageError("infer ", List.of("--load", "--network"), "infer", "--load", "net.sheaf", "--network", "blobs",
                "1,2");
        assertUsageError("pin ", List.of("--load", "--seed"), "pin", "--load", "net.sheaf", "--seed", "3", "--pin",
                "z1[0]=1");
    }

    @Test
    void anOutputFolderTheFileSystemRefusesIsAUsageErrorBeforeAnyWork() {
        Path refused = Path.of("/proc/sheaf4j-figures");
        assumeTrue(Files.isDirectory(refused.getParent()) && Files.isWritable(refused.getParent()),
                "a folder whose permissions allow writing but whose file system refuses new entries (Linux, as root)");
        assertUsageError("demo ", List.of("--out", refused.toString(), "no such file or folder"), "demo", "--out",
                refused.toString());
    }

    @Test
    void anArchitectureTooLargeForTheHeapIsOneLineAndExitThree(@TempDir Path dir) {
        long parameters = 32_000L * 32_000;
        assumeTrue(parameters * Double.BYTES > Runtime.getRuntime().maxMemory(), "the heap holds the network");
        assertError(Main.ERROR, List.of("out of memory"), "demo", "--widths", "2,32000,32000,1", "--out",
                dir.toString());
        assertEquals(1, errorLines().size(), console.stderr());
    }
}
