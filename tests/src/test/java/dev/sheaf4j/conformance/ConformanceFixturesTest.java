package dev.sheaf4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture recorded from the reference implementation, copied into the test resources, runs
 * through the conformance runner with no failed check (training fixtures may still skip the checks
 * that need the trainer); and the runner does fail on a fixture whose recorded numbers have been
 * disturbed.
 */
class ConformanceFixturesTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(ConformanceFixturesTest.class.getResource("/conformance").toURI());
    }

    static List<Path> fixtureFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixturePassesEveryCheckItSupports() throws Exception {
        List<Path> files = fixtureFiles();
        assertFalse(files.isEmpty(), "no fixtures in the test resources");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<CheckResult> results = ConformanceRunner.check(file);
            String failures = results.stream().filter(r -> r.status() == Status.FAIL).map(CheckResult::line)
                    .collect(Collectors.joining("\n"));
            assertTrue(failures.isEmpty(), failures);
            if (file.getFileName().toString().startsWith("inference")) {
                assertTrue(results.stream().anyMatch(r -> r.status() == Status.PASS), "no check ran on " + file);
            }
        }));
    }

    @Test
    void inferenceFixturesCheckForwardSpectrumDiffusionDiscordAndPins() throws Exception {
        List<CheckResult> results = ConformanceRunner.check(fixtures().resolve("inference-2-4-1.json"));
        for (String name : List.of("forward pass", "harmonic extension", "spectrum lambdaMin", "diffusion iterations",
                "diffusion final state", "discord total", "hardPins[1] diffusion final state",
                "softPins[3] diffusion final state")) {
            assertTrue(results.stream().anyMatch(r -> r.name().equals(name) && r.status() == Status.PASS),
                    "missing passing check " + name);
        }
    }

    @Test
    void aDisturbedFixtureFails(@TempDir Path dir) throws Exception {
        String json = Files.readString(fixtures().resolve("inference-2-4-1.json"));
        // the recorded output of the forward pass, moved in its 10th digit
        String disturbed = json.replaceFirst("1\\.2782241421072136", "1.2782241431072136")
                .replace("\"iterations\": 8719", "\"iterations\": 8000");
        Path file = dir.resolve("disturbed.json");
        Files.writeString(file, disturbed);
        List<CheckResult> results = ConformanceRunner.check(file);
        List<String> failed = results.stream().filter(r -> r.status() == Status.FAIL).map(CheckResult::name).toList();
        assertEquals(List.of("forward pass", "harmonic extension", "diffusion iterations"), failed);
    }

    @Test
    void anUnreadableFixtureIsOneFailedCheck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"network\": {\"layers\": [2, 4");
        List<CheckResult> results = ConformanceRunner.check(file);
        assertEquals(1, results.size());
        assertEquals(Status.FAIL, results.get(0).status());
    }
}
