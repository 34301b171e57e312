package dev.sheaf4j.conformance;

import java.util.Locale;

/** An absolute or relative tolerance on a scalar, as the fixture format defines it. */
public record Tolerance(double value, boolean relative) {
    /** {@code |got - expected| <= value}. */
    public static Tolerance absolute(double value) {
        return new Tolerance(value, false);
    }

    /** {@code |got - expected| <= value * |expected|}. */
    public static Tolerance relative(double value) {
        return new Tolerance(value, true);
    }

    /** The error of {@code got} against {@code expected} in this tolerance's sense. */
    public double error(double got, double expected) {
        double diff = Math.abs(got - expected);
        if (Double.isNaN(got) || Double.isNaN(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        return relative && expected != 0 ? diff / Math.abs(expected) : diff;
    }

    /** Whether {@code got} is within this tolerance of {@code expected}. */
    public boolean accepts(double got, double expected) {
        return error(got, expected) <= value;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0e %s", value, relative ? "rel" : "abs");
    }
}
