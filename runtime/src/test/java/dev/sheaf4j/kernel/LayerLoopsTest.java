package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The branch-free activation and mask against their definitions, at the edges of the doubles where
 * a trick could slip, and the loops' sums against plain sums.
 */
class LayerLoopsTest {
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
    void maskAndActivationMatchTheirDefinitions(@ForAll double v, @ForAll @DoubleRange(min = 0, max = 0.99) double slope) {
        assertEquals(v >= 0 ? 1.0 : slope, HiddenActivation.mask(v, slope));
        assertEquals(definition(v, slope), HiddenActivation.value(v, slope), 0.0);
    }

    /** {@code m(v) v}, with the ReLU of {@code -Infinity} taken as 0 (not {@code 0 * -Infinity}). */
    private static double definition(double v, double slope) {
        return v >= 0 ? v : slope == 0 ? 0.0 : slope * v;
    }

    @Property
    void sumAndDotAgreeWithPlainSums(@ForAll @IntRange(min = 0, max = 41) int n, @ForAll @IntRange(min = 0, max = 5) int at) {
        SplittableRandom random = new SplittableRandom(n * 7L + at);
        double[] x = new double[n + at];
        double[] y = new double[n + 2 * at];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        double sum = 0;
        double dot = 0;
        double scale = 0;
        for (int s = 0; s < n; s++) {
            sum += x[at + s];
            dot += x[at + s] * y[2 * at + s];
            scale += Math.abs(x[at + s]) * (1 + Math.abs(y[2 * at + s]));
        }
        assertEquals(sum, LayerLoops.sum(x, at, n), 1e-14 * (1 + scale));
        assertEquals(dot, LayerLoops.dot(x, at, y, 2 * at, n), 1e-14 * (1 + scale));
    }

    @Test
    void largestMagnitudeFindsTheLargestEntryAndKeepsNaN() {
        for (int n = 0; n < 13; n++) {
            for (int where = 0; where < n; where++) {
                double[] x = new double[n + 2];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (i % 3 - 1) * 0.5;
                }
                x[1 + where] = -7.0;
                assertEquals(7.0, LayerLoops.largestMagnitude(x, 1, 1 + n), "n " + n + " at " + where);
                x[1 + where] = Double.NaN;
                assertTrue(Double.isNaN(LayerLoops.largestMagnitude(x, 1, 1 + n)), "NaN lost, n " + n + " at " + where);
                x[1 + where] = Double.NEGATIVE_INFINITY;
                assertEquals(Double.POSITIVE_INFINITY, LayerLoops.largestMagnitude(x, 1, 1 + n));
            }
        }
        assertEquals(0.0, LayerLoops.largestMagnitude(new double[] {Double.NaN, 1}, 1, 1));
    }
}
