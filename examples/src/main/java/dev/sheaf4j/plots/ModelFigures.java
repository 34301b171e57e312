package dev.sheaf4j.plots;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.diagnose.PinnedDiscord;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.Predictions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of trained networks: a regression surface, a classifier's decision boundary with its
 * data, and where the prediction error lives (pinned discord per edge and sample).
 */
public final class ModelFigures {
    private static final Color INNER = new Color(0x1f77b4);
    private static final Color OUTER = new Color(0xd62728);

    private ModelFigures() {
    }

    /** The regression surface of {@code trained} on a {@code points x points} grid over {@code [-2, 2]^2}. */
    public static void surface(FigureFolder folder, Network trained, int points) throws IOException {
        SheafModel model = Sheaf.of(trained);
        double[] axis = grid(-2, 2, points);
        List<Double> labels = new ArrayList<>();
        for (double a : axis) {
            labels.add(Math.round(a * 10) / 10.0);
        }
        List<Number[]> heat = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                double y = model.forward(new double[] {axis[i], axis[j]})[0];
                heat.add(new Number[] {i, j, y});
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        HeatMapChart chart = Charts.heatMap("Learned paraboloid surface (sheaf-trained "
                + trained.architecture().widthsText() + ")", "x1", "x2", 760, 640, min, max);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("prediction", labels, labels, heat);
        folder.add(chart, "surface", "The regression surface the sheaf-trained network learned (target x1^2 + x2^2 -"
                + " 2/3).", Map.of("min", Charts.number(min), "max", Charts.number(max)));
    }

    /**
     * A binary classifier's probability contours on a {@code points x points} grid over
     * {@code [-3, 3]^2}: the decision boundary {@code p = 0.5} and the levels 0.1 and 0.9, with the
     * {@code data}'s points coloured by their label.
     */
    public static void decisionBoundary(FigureFolder folder, Network trained, Dataset data, int points)
            throws IOException {
        SheafModel model = Sheaf.of(trained);
        double[] axis = grid(-3, 3, points);
        double[][] p = new double[points][points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                p[i][j] = model.forward(new double[] {axis[i], axis[j]})[0];
            }
        }
        XYChart chart = new XYChartBuilder().width(820).height(640).title("Circle classifier "
                + trained.architecture().widthsText() + ": decision boundary p(outer ring) = 0.5").xAxisTitle("x1")
                .yAxisTitle("x2").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisMin(-3.0).setXAxisMax(3.0).setYAxisMin(-3.0).setYAxisMax(3.0);
        points(chart, data, 0, "inner disc (label 0)", INNER);
        points(chart, data, 1, "outer ring (label 1)", OUTER);
        contour(chart, "p = 0.5 (decision boundary)", ContourLines.of(axis, axis, p, 0.5), Color.BLACK,
                new BasicStroke(2.5f));
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4},
                0);
        contour(chart, "p = 0.1", ContourLines.of(axis, axis, p, 0.1), INNER, dashed);
        contour(chart, "p = 0.9", ContourLines.of(axis, axis, p, 0.9), OUTER, dashed);
        double accuracy = Predictions.accuracy(model.kernel(), trained.parameters(), data);
        folder.add(chart, "decision-boundary", "The decision boundary (p = 0.5, black) of a sheaf-trained circle"
                + " classifier with the probability contours 0.1 and 0.9 (dashed, where p reaches them) on a " + points + " x " + points
                + " grid, and the test points coloured by their true label.", Map.of("test accuracy",
                Charts.number(accuracy), "test points", String.valueOf(data.size())));
    }

    private static void points(XYChart chart, Dataset data, int label, String name, Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int s = 0; s < data.size(); s++) {
            if (Math.round(data.target(s)[0]) == label) {
                xs.add(data.input(s)[0]);
                ys.add(data.input(s)[1]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    /** The segments as one line series, broken between segments. */
    private static void contour(XYChart chart, String name, List<ContourLines.Segment> segments, Color color,
            BasicStroke stroke) {
        if (segments.isEmpty()) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ContourLines.Segment s : segments) {
            xs.add(s.x1());
            ys.add(s.y1());
            xs.add(s.x2());
            ys.add(s.y2());
            xs.add(s.x2());
            ys.add(Double.NaN);
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
    }

    /** {@code points} evenly spaced values from {@code from} to {@code to}. */
    private static double[] grid(double from, double to, int points) {
        double[] axis = new double[points];
        for (int i = 0; i < points; i++) {
            axis[i] = from + (to - from) * i / (points - 1);
        }
        return axis;
    }

    /** Pinned discord per edge for each of the first {@code samples} test samples of {@code trained}. */
    public static void discordHeatMap(FigureFolder folder, Network trained, Dataset test, int samples)
            throws IOException {
        Dataset first = test.select(IntStream.range(0, samples).toArray());
        SheafModel model = Sheaf.of(trained);
        PinnedDiscord overall = PinnedDiscord.of(model, first);
        List<String> edges = new ArrayList<>();
        overall.edges().forEach(e -> edges.add(e.name()));
        List<Integer> sampleAxis = new ArrayList<>();
        List<Number[]> heat = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            sampleAxis.add(s);
            PinnedDiscord one = PinnedDiscord.of(model, first.select(new int[] {s}));
            for (int e = 0; e < edges.size(); e++) {
                heat.add(new Number[] {s, e, one.perEdge().get(e).mean()});
            }
        }
        double max = heat.stream().mapToDouble(cell -> cell[2].doubleValue()).max().orElse(1);
        HeatMapChart chart = Charts.heatMap("Pinned discord (output pinned to the label), edge x test sample",
                "test sample", "edge", 1000, 420, 0, max);
        chart.addSeries("discord", sampleAxis, edges, heat);
        Map<String, String> numbers = new LinkedHashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            numbers.put(edges.get(e) + " mean", Charts.number(overall.perEdge().get(e).mean()));
        }
        folder.add(chart, "discord-heatmap", "Where the trained network's error lives, sample by sample: the discord"
                + " of each edge when the output is pinned to the true label.", numbers);
    }
}
