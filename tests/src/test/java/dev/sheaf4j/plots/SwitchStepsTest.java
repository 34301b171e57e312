package dev.sheaf4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Switch steps read as one short line however many there are, after a label such as "switches: ". */
class SwitchStepsTest {

    @Test
    void fewStepsAreListedAndManyAreSummarised() {
        assertEquals("none", SwitchSteps.summary(new int[0]));
        assertEquals("[40, 63, 66, 183, 576]", SwitchSteps.summary(new int[] {40, 63, 66, 183, 576}));
        int[] many = IntStream.rangeClosed(1, 2289).map(k -> 3 * k).toArray();
        assertEquals("2289, from step 3 to 6867; first [3, 6, 9, 12, 15], last [6855, 6858, 6861, 6864, 6867]",
                SwitchSteps.summary(many));
    }
}
