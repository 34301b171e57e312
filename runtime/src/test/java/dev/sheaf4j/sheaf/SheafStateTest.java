package dev.sheaf4j.sheaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sheaf4j.network.Architecture;
import org.junit.jupiter.api.Test;

class SheafStateTest {
    private final SheafLayout layout = new SheafLayout(Architecture.relu(2, 3, 1));

    @Test
    void aSampleIsReadAndWrittenWholeWithoutTouchingTheOthers() {
        SheafState state = new SheafState(layout, 3);
        double[] one = new double[layout.stateSize()];
        for (int c = 0; c < one.length; c++) {
            one[c] = c + 0.5;
        }
        state.setSample(1, one);
        assertArrayEquals(one, state.sample(1), 0.0);
        assertArrayEquals(new double[one.length], state.sample(0), 0.0);
        assertArrayEquals(new double[one.length], state.sample(2), 0.0);
        assertEquals(one[4], state.values()[4 * 3 + 1], 0.0);
    }

    @Test
    void aSampleOutsideTheBatchOrOfTheWrongSizeIsRefused() {
        SheafState state = new SheafState(layout, 2);
        assertEquals("sample 2 outside 0..1",
                assertThrows(IllegalArgumentException.class, () -> state.sample(2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> state.setSample(0, new double[1]));
    }
}
