package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Free cores read from the paces of threads spinning together. */
class FreeCoresTest {
    @Test
    void threadsAtTheSoloPaceAreFreeCores() {
        assertEquals(2, FreeCores.fromPaces(new double[] {1.0, 0.97}));
        assertEquals(4, FreeCores.fromPaces(new double[] {0.95, 0.9, 1.0, 0.92}));
    }

    @Test
    void aThreadSharingItsCoreWithABusyProcessDoesNotCount() {
        assertEquals(1, FreeCores.fromPaces(new double[] {1.0, 0.5}));
        assertEquals(1, FreeCores.fromPaces(new double[] {0.67, 0.67}));
    }

    @Test
    void atLeastOneCoreAndNeverMoreThanThreads() {
        assertEquals(1, FreeCores.fromPaces(new double[] {0.2, 0.2}));
        assertEquals(2, FreeCores.fromPaces(new double[] {1.3, 1.2}));
    }

    @Test
    void measuringStaysWithinTheCores() {
        int free = FreeCores.measure(2);
        assertTrue(free >= 1 && free <= 2, "free cores " + free);
        assertEquals(1, FreeCores.measure(1));
    }
}
