package dev.sheaf4j.plots;

import dev.sheaf4j.sweep.SeedSummary;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialSettings;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of a sweep's results: the final training loss against the weight rate and against the
 * depth, on a logarithmic axis when it spans a decade (a point is the mean over the trials of a
 * series that completed; where all diverged, a red cross at the top), and the final losses per
 * method.
 */
public final class SweepFigures {
    private SweepFigures() {
    }

    /**
     * The figures of a sweep whose grid varies the settings {@code varying}: loss against the weight
     * rate when it varies, against the depth when it varies, and per method; each series is one
     * combination of the other varying settings, averaged over seeds.
     */
    public static void writeAll(FigureFolder folder, List<TrialResult> rows, List<String> varying)
            throws IOException {
        if (varying.contains("betaN")) {
            weightRate(folder, "loss-vs-weight-rate", "Final training loss against the weight rate",
                    "Final training loss (mean over seeds) against the weight rate beta n.", rows,
                    label(varying, "betaN"));
        }
        if (varying.contains("hidden") || varying.contains("widths")) {
            lossAgainst(folder, "loss-vs-depth", "Final training loss against the depth", "Final training loss (mean"
                    + " over seeds) against the number of hidden layers.", rows, "hidden layers",
                    s -> s.depth(), false, label(varying, "hidden", "widths"));
        }
        perMethod(folder, rows);
    }

    /**
     * Final training loss against the weight rate {@code beta n} (the default, 1, where none was
     * given), one curve per value of {@code series}.
     */
    public static void weightRate(FigureFolder folder, String name, String title, String caption,
            List<TrialResult> rows, Function<TrialSettings, String> series) throws IOException {
        lossAgainst(folder, name, title, caption, rows, "beta n", s -> s.betaN() == null ? 1 : s.betaN(), true,
                series);
    }

    /** A series' label: the values of the varying settings but the seed and those {@code drawn} on the x axis. */
    private static Function<TrialSettings, String> label(List<String> varying, String... drawn) {
        List<String> shown = new ArrayList<>(varying);
        shown.remove("seed");
        shown.removeAll(List.of(drawn));
        return s -> {
            Map<String, Object> values = s.byName();
            List<String> parts = shown.stream().map(name -> name + " " + values.get(name)).toList();
            return parts.isEmpty() ? "mean over seeds" : String.join(", ", parts);
        };
    }

    private static void lossAgainst(FigureFolder folder, String name, String title, String caption,
            List<TrialResult> rows, String xTitle, ToDoubleFunction<TrialSettings> x, boolean logX,
            Function<TrialSettings, String> series) throws IOException {
        Map<String, TreeMap<Double, List<TrialResult>>> points = new LinkedHashMap<>();
        for (TrialResult r : rows) {
            points.computeIfAbsent(series.apply(r.settings()), k -> new TreeMap<>())
                    .computeIfAbsent(x.applyAsDouble(r.settings()), k -> new ArrayList<>()).add(r);
        }
        XYChart chart = Charts.line(title, xTitle, "final training loss",
                Charts.spansADecade(rows.stream().filter(TrialResult::completed).map(TrialResult::finalTrainLoss)));
        if (logX) {
            Charts.logX(chart);
        }
        chart.getStyler().setMarkerSize(7);
        Map<String, String> numbers = new LinkedHashMap<>();
        List<Double> divergedAt = new ArrayList<>();
        double highest = 0;
        for (Map.Entry<String, TreeMap<Double, List<TrialResult>>> curve : points.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Map.Entry<Double, List<TrialResult>> point : curve.getValue().entrySet()) {
                List<Double> losses = point.getValue().stream().filter(TrialResult::completed)
                        .map(TrialResult::finalTrainLoss).filter(Objects::nonNull).toList();
                if (losses.isEmpty()) {
                    divergedAt.add(point.getKey());
                } else {
                    xs.add(point.getKey());
                    ys.add(SeedSummary.mean(losses));
                    highest = Math.max(highest, ys.get(ys.size() - 1));
                }
                numbers.put(curve.getKey() + ", " + xTitle + " = " + Charts.plain(point.getKey()),
                        outcome(point.getValue(), losses));
            }
            if (!xs.isEmpty()) {
                chart.addSeries(curve.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (!divergedAt.isEmpty()) {
            List<Double> top = new ArrayList<>(Collections.nCopies(divergedAt.size(), highest > 0 ? 2 * highest : 1));
            XYSeries diverged = chart.addSeries("diverged (drawn at the top)", divergedAt, top);
            diverged.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            diverged.setMarker(SeriesMarkers.CROSS);
            diverged.setMarkerColor(Color.RED);
        }
        folder.add(chart, name, caption, numbers);
    }

    /** A point's value for the index: its mean loss, or how its trials ended when none completed. */
    private static String outcome(List<TrialResult> trials, List<Double> losses) {
        long diverged = trials.stream().filter(TrialResult::diverged).count();
        String loss = losses.isEmpty() ? "" : Charts.number(SeedSummary.mean(losses));
        if (trials.size() == 1 && diverged == 1) {
            return "diverged at epoch " + (trials.get(0).epochs() + 1);
        }
        if (diverged + losses.size() < trials.size()) {
            return (loss + " (" + (trials.size() - losses.size() - diverged) + " failed)").strip();
        }
        return diverged == 0 ? loss : (loss + " (diverged in " + diverged + " of " + trials.size() + ")").strip();
    }

    private static void perMethod(FigureFolder folder, List<TrialResult> rows) throws IOException {
        Map<String, List<TrialResult>> byMethod = new LinkedHashMap<>();
        rows.forEach(r -> byMethod.computeIfAbsent(r.settings().method(), k -> new ArrayList<>()).add(r));
        List<String> methods = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        byMethod.forEach((method, trials) -> {
            List<TrialResult> completed = trials.stream().filter(TrialResult::completed).toList();
            numbers.put(method + " trials completed", completed.size() + " of " + trials.size());
            if (!completed.isEmpty()) {
                methods.add(method);
                train.add(SeedSummary.mean(completed.stream().map(TrialResult::finalTrainLoss).toList()));
                test.add(SeedSummary.mean(completed.stream().map(TrialResult::finalTestLoss).toList()));
                numbers.put(method + " mean final train loss", Charts.number(train.get(train.size() - 1)));
                numbers.put(method + " mean final test loss", Charts.number(test.get(test.size() - 1)));
            }
        });
        if (methods.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title("Final losses per method"
                + " (mean over the completed trials)").xAxisTitle("method").yAxisTitle("loss").build();
        chart.addSeries("final train loss", methods, train);
        chart.addSeries("final test loss", methods, test);
        folder.add(chart, "loss-per-method", "Final training and test losses of each method, over every setting"
                + " and seed of the sweep that completed.", numbers);
    }
}
