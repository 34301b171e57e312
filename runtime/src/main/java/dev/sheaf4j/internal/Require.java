package dev.sheaf4j.internal;

/** Argument checks that fail with a message naming the offending value. Not public API. */
public final class Require {
    /** The longest array every Java virtual machine allocates. */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Require() {
    }

    /**
     * {@code rows * columns} as an array length; fails if no Java array holds that many values,
     * naming {@code what} and suggesting {@code remedy}.
     */
    public static int arrayLength(int rows, int columns, String what, String remedy) {
        long length = (long) rows * columns;
        if (length > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " needs " + rows + " x " + columns + " = " + length
                    + " values, more than a Java array holds (" + MAX_ARRAY + "); " + remedy);
        }
        return (int) length;
    }

    /** The index of the first entry that is not finite, or -1. */
    public static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Fails unless {@code value} is finite, naming it as {@code what}. */
    public static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
        return value;
    }

    /** Fails unless every entry is finite, naming the first bad index. */
    public static double[] allFinite(double[] values, String what) {
        int i = firstNonFinite(values);
        if (i >= 0) {
            throw new IllegalArgumentException(what + " must be finite, but entry " + i + " is " + values[i]);
        }
        return values;
    }

    /** Fails unless {@code values.length == expected}. */
    public static double[] length(double[] values, int expected, String what) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    what + " has length " + values.length + " but the network needs " + expected);
        }
        return values;
    }

    /** Fails unless {@code value > 0} and finite. */
    public static double positive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** Fails unless {@code value >= 1}. */
    public static int atLeastOne(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
        return value;
    }
}
