package dev.sheaf4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runner against a fixture from an independent plain implementation (see its README). */
class IndependentFixtureTest {
    @Test
    void softmaxPinsAndWholeStalkPinsAgreeWithAnIndependentImplementation() throws Exception {
        Path file = Path.of(getClass().getResource("/conformance-independent/inference-softmax-2-3-3.json").toURI());
        List<CheckResult> results = ConformanceRunner.check(file);
        String failures = results.stream().filter(r -> r.status() == Status.FAIL).map(CheckResult::line)
                .collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), failures);
        assertEquals(23, results.stream().filter(r -> r.status() == Status.PASS).count());
    }
}
