package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The loops' sums against plain sums. */
class LayerLoopsTest {
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
