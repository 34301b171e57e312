package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The branch-free activation and mask against their definitions, at the edges of the doubles where
 * a trick could slip.
 */
class HiddenActivationTest {
    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE,
        -3 * Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e-300, -1e-300, 1.0, -1.0, 1e300, -1e300,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final double[] SLOPES = {0.0, 0.01, 0.2, 0.999};

    @Test
    void maskIsExactlyOneOrTheSlopeAtTheEdgesOfTheDoubles() {
        for (double slope : SLOPES) {
            for (double v : EDGES) {
                double expected = v >= 0 ? 1.0 : slope;
                assertEquals(expected, HiddenActivation.mask(v, slope), "mask(" + v + ", " + slope + ")");
            }
        }
    }

    @Test
    void activationIsTheMaskTimesTheValueAtTheEdgesOfTheDoubles() {
        for (double slope : SLOPES) {
            for (double v : EDGES) {
                assertEquals(definition(v, slope), HiddenActivation.value(v, slope), 0.0,
                        "activation(" + v + ", " + slope + ")");
            }
        }
    }

    @Property
    void maskAndActivationMatchTheirDefinitions(@ForAll double v,
            @ForAll @DoubleRange(min = 0, max = 0.99) double slope) {
        assertEquals(v >= 0 ? 1.0 : slope, HiddenActivation.mask(v, slope));
        assertEquals(definition(v, slope), HiddenActivation.value(v, slope), 0.0);
    }

    /** {@code m(v) v}, with the ReLU of {@code -Infinity} taken as 0 (not {@code 0 * -Infinity}). */
    private static double definition(double v, double slope) {
        return v >= 0 ? v : slope == 0 ? 0.0 : slope * v;
    }
}
