package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Free cores read from the speedup of a crew over one thread. */
class FreeCoresTest {
    @Test
    void aSpeedupNearTheCrewSizeCountsEveryCore() {
        assertEquals(2, FreeCores.fromSpeedup(1.95, 2));
        assertEquals(2, FreeCores.fromSpeedup(1.8, 2));
        assertEquals(4, FreeCores.fromSpeedup(3.9, 4));
    }

    @Test
    void aCoreBusyWithAnotherProcessDoesNotCount() {
        assertEquals(1, FreeCores.fromSpeedup(1.5, 2));
        assertEquals(1, FreeCores.fromSpeedup(1.0, 2));
        assertEquals(3, FreeCores.fromSpeedup(3.1, 4));
    }

    @Test
    void atLeastOneCoreAndNeverMoreThanTheCrew() {
        assertEquals(1, FreeCores.fromSpeedup(0.3, 2));
        assertEquals(2, FreeCores.fromSpeedup(2.6, 2));
    }

    @Test
    void measuringStaysWithinTheCores() {
        int free = FreeCores.measure(2);
        assertTrue(free >= 1 && free <= 2, "free cores " + free);
        assertEquals(1, FreeCores.measure(1));
    }
}
