package dev.sheaf4j.diagnose;

import dev.sheaf4j.internal.Require;
import java.util.Arrays;

/** Order statistics of a sample of numbers: median and quartiles, mean and standard deviation. */
public record Summary(double mean, double deviation, double lowerQuartile, double median, double upperQuartile,
        int count) {

    /** The summary of {@code values} (not modified); at least one value, all finite. */
    public static Summary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty sample");
        }
        Require.allFinite(values, "the values to summarise");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = 0;
        for (double v : sorted) {
            mean += v / sorted.length;
        }
        double variance = 0;
        for (double v : sorted) {
            variance += (v - mean) * (v - mean) / sorted.length;
        }
        return new Summary(mean, Math.sqrt(variance), quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), sorted.length);
    }

    /** Linear interpolation between order statistics. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
