package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** A crew runs every index once per run and reports a worker's failure to the caller. */
class CrewTest {
    @Test
    void everyIndexRunsOncePerRun() throws InterruptedException {
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        try (Crew crew = new Crew("test", 4, runs::incrementAndGet)) {
            for (int r = 0; r < 1000; r++) {
                crew.run();
            }
            Thread.sleep(20);
            crew.run();
        }
        int[] counts = new int[4];
        for (int i = 0; i < 4; i++) {
            counts[i] = runs.get(i);
        }
        assertArrayEquals(new int[] {1001, 1001, 1001, 1001}, counts);
    }

    @Test
    void aWorkersFailureReachesTheCaller() {
        try (Crew crew = new Crew("test", 3, i -> {
            if (i == 2) {
                throw new ArithmeticException("worker 2 failed");
            }
        })) {
            IllegalStateException e = assertThrows(IllegalStateException.class, crew::run);
            assertEquals("worker 2 failed", e.getCause().getMessage());
            assertThrows(IllegalStateException.class, crew::run);
        }
    }

    @Test
    void aCrewNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new Crew("test", 0, i -> { }));
    }
}
