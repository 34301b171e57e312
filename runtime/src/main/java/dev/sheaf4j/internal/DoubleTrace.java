package dev.sheaf4j.internal;

import java.util.Arrays;

/**
 * A sequence of numbers recorded one at a time, as long as the run that records it: storage
 * doubles as needed, so a generous limit on steps costs nothing until the steps are taken.
 */
public final class DoubleTrace {
    private double[] values = new double[16];
    private int size;

    /** Appends {@code value}. */
    public void add(double value) {
        if (size == values.length) {
            if (size == Require.MAX_ARRAY) {
                throw new IllegalStateException("a trace holds at most " + Require.MAX_ARRAY + " values");
            }
            values = Arrays.copyOf(values, (int) Math.min(2L * size, Require.MAX_ARRAY));
        }
        values[size++] = value;
    }

    /** The number of values recorded. */
    public int size() {
        return size;
    }

    /** The values recorded, in order, as a new array. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
