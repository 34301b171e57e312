package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import org.junit.jupiter.api.Test;

/** The default thread count as a function of the work per step and the free cores. */
class ThreadPolicyTest {
    private static final long UNIT = ThreadPolicy.MIN_WORK_PER_THREAD;

    @Test
    void workTooSmallToShareGetsOneThread() {
        assertEquals(1, ThreadPolicy.threads(0, 8));
        assertEquals(1, ThreadPolicy.threads(UNIT, 8));
        assertEquals(1, ThreadPolicy.threads(2 * UNIT - 1, 8));
    }

    @Test
    void eachThreadGetsAtLeastTheMinimumWork() {
        assertEquals(2, ThreadPolicy.threads(2 * UNIT, 8));
        assertEquals(3, ThreadPolicy.threads(3 * UNIT + UNIT / 2, 8));
    }

    @Test
    void neverMoreThreadsThanFreeCores() {
        assertEquals(2, ThreadPolicy.threads(1000 * UNIT, 2));
        assertEquals(1, ThreadPolicy.threads(1000 * UNIT, 1));
        assertEquals(1, ThreadPolicy.threads(1000 * UNIT, 0));
    }

    @Test
    void smallWorkNeverMeasuresTheCores() {
        assertEquals(ThreadPolicy.Split.serial(), ThreadPolicy.automatic(UNIT));
    }

    @Test
    void aSplitHasNoMoreThreadsThanShares() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadPolicy.Split(2, 3));
        assertThrows(IllegalArgumentException.class, () -> new ThreadPolicy.Split(0, 0));
        assertEquals(new ThreadPolicy.Split(4, 4), ThreadPolicy.Split.explicit(4));
    }

    @Test
    void workIsParametersTimesSamples() {
        Architecture arch = Architecture.relu(OutputActivation.IDENTITY, 2, 30, 1);
        assertEquals(121L * 300, ThreadPolicy.work(arch, 300));
    }

    @Test
    void onlyPinsSharedByAllSamplesSplit() {
        assertTrue(ThreadPolicy.splits(Pins.none()));
        assertTrue(ThreadPolicy.splits(Pins.builder().hard(Coordinate.pre(1, 0), 0.5).build()));
        assertFalse(ThreadPolicy.splits(Pins.builder().hard(Coordinate.pre(1, 0), new double[] {0.5, 1}).build()));
    }

    @Test
    void aPassGetsAShareForEachUnitOfWorkUpToAFewPerCore() {
        long unit = ThreadPolicy.MIN_WORK_PER_PASS_SHARE;
        int cap = ThreadPolicy.PASS_SHARES_PER_CORE * Runtime.getRuntime().availableProcessors();
        assertEquals(1, ThreadPolicy.passShares(0));
        assertEquals(1, ThreadPolicy.passShares(2 * unit - 1));
        assertEquals(Math.min(2, cap), ThreadPolicy.passShares(2 * unit));
        assertEquals(cap, ThreadPolicy.passShares(1000 * unit));
    }
}
