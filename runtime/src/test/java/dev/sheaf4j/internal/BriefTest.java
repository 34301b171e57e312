package dev.sheaf4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Short arrays print whole, long ones their ends and their count. */
class BriefTest {
    @Test
    void shortArraysPrintWholeAndLongOnesTheirEnds() {
        assertEquals("[]", Brief.of(new double[0]));
        assertEquals("[1.0, 2.5]", Brief.of(new double[] {1, 2.5}));
        assertEquals("[1, 2, 3, 4, 5, 6, 7, 8]", Brief.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertEquals("[1, 2, 3, ..., 7, 8, 9] (9 values)", Brief.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertEquals("[0.0, 1.0, 2.0, ..., 97.0, 98.0, 99.0] (100 values)",
                Brief.of(java.util.stream.IntStream.range(0, 100).asDoubleStream().toArray()));
    }
}
