package dev.sheaf4j.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JMH's annotation processor ran on the examples: the kernel benchmark is listed for its runner. */
class JmhRegistrationTest {
    @Test
    void kernelStepBenchmarkIsListed() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertNotNull(in, "META-INF/BenchmarkList is missing: JMH's generator did not run on the examples");
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(list.contains("dev.sheaf4j.bench.jmh.KernelStepBenchmark"), list);
        }
    }
}
