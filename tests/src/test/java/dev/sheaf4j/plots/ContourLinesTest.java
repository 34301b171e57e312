package dev.sheaf4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** Marching squares finds the level set of functions whose level sets are known. */
class ContourLinesTest {
    private static double[] axis(int points) {
        double[] a = new double[points];
        for (int i = 0; i < points; i++) {
            a[i] = -2 + 4.0 * i / (points - 1);
        }
        return a;
    }

    private static double[][] sample(double[] a, DoubleBinaryOperator function) {
        double[][] f = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                f[i][j] = function.applyAsDouble(a[i], a[j]);
            }
        }
        return f;
    }

    @Test
    void theUnitCircleIsTracedAllRound() {
        double[] a = axis(81);
        double[][] f = sample(a, (x, y) -> x * x + y * y);
        List<ContourLines.Segment> segments = ContourLines.of(a, a, f, 1.0);
        double length = 0;
        for (ContourLines.Segment s : segments) {
            assertEquals(1.0, Math.hypot(s.x1(), s.y1()), 2e-3);
            assertEquals(1.0, Math.hypot(s.x2(), s.y2()), 2e-3);
            length += Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
        }
        assertEquals(2 * Math.PI, length, 0.02);
    }

    @Test
    void aLinearFunctionGivesItsExactLineAndASaddleCellTwoSegments() {
        double[] a = axis(9);
        double[][] f = sample(a, (x, y) -> x - 0.5 * y);
        List<ContourLines.Segment> line = ContourLines.of(a, a, f, 0.3);
        double length = 0;
        for (ContourLines.Segment s : line) {
            assertEquals(0.3, s.x1() - 0.5 * s.y1(), 1e-12);
            assertEquals(0.3, s.x2() - 0.5 * s.y2(), 1e-12);
            length += Math.hypot(s.x2() - s.x1(), s.y2() - s.y1());
        }
        // x = 0.3 + y / 2 for y from -2 to 2
        assertEquals(Math.hypot(2, 4), length, 1e-12);
        double[] corners = {0, 1};
        double[][] saddle = {{1, -1}, {-1, 1}};
        assertEquals(2, ContourLines.of(corners, corners, saddle, 0.5).size());
        assertTrue(ContourLines.of(corners, corners, saddle, 2).isEmpty());
    }
}
