package dev.sheaf4j.internal;

import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * Arrays as short text for {@code toString}: every value of a short array, the first and last few
 * of a long one with the count. Not public API.
 */
public final class Brief {
    /** Arrays up to this length are printed whole. */
    static final int WHOLE = 8;
    private static final int ENDS = 3;

    private Brief() {
    }

    /** {@code [1.0, 2.0]}, or {@code [1.0, 2.0, 3.0, ..., 8.0, 9.0, 10.0] (10 values)}. */
    public static String of(double[] values) {
        return of(values.length, i -> Double.toString(values[i]));
    }

    /** {@code [1, 2]}, or {@code [1, 2, 3, ..., 8, 9, 10] (10 values)}. */
    public static String of(int[] values) {
        return of(values.length, i -> Integer.toString(values[i]));
    }

    private static String of(int count, IntFunction<String> value) {
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < count; i++) {
            if (count > WHOLE && i == ENDS) {
                text.add("...");
                i = count - ENDS;
            }
            text.add(value.apply(i));
        }
        return count > WHOLE ? text + " (" + count + " values)" : text.toString();
    }
}
