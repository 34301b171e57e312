package dev.sheaf4j.plots;

import java.util.ArrayList;
import java.util.List;

/**
 * The level set {@code f = level} of a function sampled on a grid, by marching squares: in each
 * grid cell, the points where {@code f} crosses the level on the cell's edges (found by linear
 * interpolation) joined by straight segments.
 */
final class ContourLines {
    /** One straight piece of a contour. */
    record Segment(double x1, double y1, double x2, double y2) {
    }

    private ContourLines() {
    }

    /**
     * The segments of {@code f = level}, {@code values[i][j]} being {@code f(xs[i], ys[j])}. A cell
     * whose four corners alternate around the level is split by the value at its centre (the mean
     * of the corners).
     */
    static List<Segment> of(double[] xs, double[] ys, double[][] values, double level) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                cell(xs[i], xs[i + 1], ys[j], ys[j + 1], values[i][j] - level, values[i + 1][j] - level,
                        values[i + 1][j + 1] - level, values[i][j + 1] - level, segments);
            }
        }
        return segments;
    }

    /**
     * One cell with corner values {@code a (x0, y0)}, {@code b (x1, y0)}, {@code c (x1, y1)},
     * {@code d (x0, y1)}, measured from the level.
     */
    private static void cell(double x0, double x1, double y0, double y1, double a, double b, double c, double d,
            List<Segment> out) {
        List<double[]> crossings = new ArrayList<>(4);
        if (crosses(a, b)) {
            crossings.add(new double[] {x0 + (x1 - x0) * a / (a - b), y0});
        }
        if (crosses(b, c)) {
            crossings.add(new double[] {x1, y0 + (y1 - y0) * b / (b - c)});
        }
        if (crosses(c, d)) {
            crossings.add(new double[] {x1 + (x0 - x1) * c / (c - d), y1});
        }
        if (crosses(d, a)) {
            crossings.add(new double[] {x0, y1 + (y0 - y1) * d / (d - a)});
        }
        if (crossings.size() == 2) {
            join(crossings.get(0), crossings.get(1), out);
        } else if (crossings.size() == 4) {
            // the saddle: the centre's side decides which corners the contour cuts off
            boolean centreAbove = a + b + c + d >= 0;
            boolean aAbove = a >= 0;
            if (centreAbove == aAbove) {
                join(crossings.get(0), crossings.get(1), out);
                join(crossings.get(2), crossings.get(3), out);
            } else {
                join(crossings.get(3), crossings.get(0), out);
                join(crossings.get(1), crossings.get(2), out);
            }
        }
    }

    private static boolean crosses(double p, double q) {
        return (p >= 0) != (q >= 0);
    }

    private static void join(double[] p, double[] q, List<Segment> out) {
        out.add(new Segment(p[0], p[1], q[0], q[1]));
    }
}
