package dev.sheaf4j.plots;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every figure: line charts with the legend outside the plot, one tick format on
 * logarithmic axes (powers of ten as {@code 1E-4}), and heat maps whose colour bar ends at values
 * of three significant digits.
 */
final class Charts {
    /** Every label on a logarithmic axis in one style: {@code 1E-4}, {@code 1E0}, {@code 1E2}. */
    private static final String LOG_PATTERN = "0E0";

    private Charts() {
    }

    /** A line chart without markers, its legend to the right of the plot. */
    static XYChart line(String title, String x, String y, boolean logY) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        if (logY) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisDecimalPattern(LOG_PATTERN);
        }
        return chart;
    }

    /**
     * A heat map whose colour bar runs from {@code min} to {@code max} widened to three significant
     * digits, so that its end labels read short.
     */
    static HeatMapChart heatMap(String title, String x, String y, int width, int height, double min, double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setMin(round(min, RoundingMode.FLOOR)).setMax(round(max, RoundingMode.CEILING));
        return chart;
    }

    private static double round(double value, RoundingMode mode) {
        return new BigDecimal(value).round(new MathContext(3, mode)).doubleValue();
    }

    /** Makes the x axis of {@code chart} logarithmic, with the shared tick format. */
    static void logX(XYChart chart) {
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern(LOG_PATTERN);
    }

    /** Whether the non-null {@code values} span a factor of ten or more, worth a logarithmic axis. */
    static boolean spansADecade(Stream<Double> values) {
        double[] finite = values.filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        double lowest = Arrays.stream(finite).min().orElse(1);
        return lowest > 0 && Arrays.stream(finite).max().orElse(1) >= 10 * lowest;
    }

    /** A value for a label: six significant digits at most, no trailing zeros, no exponent. */
    static String plain(double value) {
        BigDecimal v = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    /** A number for captions and tables: four significant digits. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
