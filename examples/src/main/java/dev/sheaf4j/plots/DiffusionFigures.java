package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.diagnose.ConvergenceCheck;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.solve.DiffusionResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pictures of one recorded diffusion, drawn from what the run returned and what its listener
 * heard: total discord through the activation switches against the predicted slope, the output
 * stalk settling on the forward pass, and discord by edge type and by layer.
 */
public final class DiffusionFigures {
    /** How many figures {@link #write} draws. */
    public static final int COUNT = 3;
    /** Points per curve: enough for a smooth line, few enough for a small SVG. */
    private static final int MAX_POINTS = 500;

    private DiffusionFigures() {
    }

    /** Draws the figures of {@code run}, a diffusion of {@code model}, into {@code folder}. */
    public static void write(FigureFolder folder, SheafModel model, SeededDiffusion run) throws IOException {
        String network = model.network().architecture().widthsText();
        convergence(folder, model, run, network);
        output(folder, model, run, network);
        discordByPart(folder, run, network);
    }

    private static void convergence(FigureFolder folder, SheafModel model, SeededDiffusion run, String network)
            throws IOException {
        DiffusionResult result = run.result();
        double[] energy = result.energyTrace();
        int last = energy.length - 1;
        while (last > 1 && !(energy[last] > ConvergenceCheck.FLOOR * energy[0])) {
            last--;
        }
        int stride = Math.max(1, last / MAX_POINTS);
        List<Double> steps = new ArrayList<>();
        List<Double> discord = new ArrayList<>();
        for (int k = 0; k <= last; k = k == last ? last + 1 : Math.min(k + stride, last)) {
            steps.add((double) k);
            discord.add(2 * energy[k]);
        }
        XYChart chart = Charts.line("Diffusion on " + network + ": total discord (= 2 E)", "Euler step",
                "total discord", true);
        chart.addSeries("total discord", steps, discord).setMarker(SeriesMarkers.NONE);

        double dt = run.settings().dt();
        ConvergenceCheck check = ConvergenceCheck.of(model.network(), result, run.settings().alpha(), dt);
        int from = Math.max(last / 2, lastSwitch(result));
        List<Double> slopeX = List.of((double) from, (double) last);
        double lift = 5;
        List<Double> slopeY = List.of(lift * 2 * energy[last] * Math.exp(check.predictedFinal() * (last - from) * dt),
                lift * 2 * energy[last]);
        XYSeries slope = chart.addSeries(String.format(Locale.ROOT, "slope 2 alpha lambda_min = %.4g",
                check.predictedFinal()), slopeX, slopeY);
        slope.setMarker(SeriesMarkers.NONE);
        slope.setLineColor(Color.BLACK);
        slope.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                0));

        List<Double> switchX = new ArrayList<>();
        List<Double> switchY = new ArrayList<>();
        for (int s : result.switchSteps()) {
            if (energy[s] > 0) {
                switchX.add((double) s);
                switchY.add(2 * energy[s]);
            }
        }
        if (!switchX.isEmpty()) {
            XYSeries marks = chart.addSeries("activation switch", switchX, switchY);
            marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.DIAMOND);
            marks.setMarkerColor(Color.RED);
            chart.getStyler().setMarkerSize(8);
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("steps", String.valueOf(result.iterations()));
        numbers.put("converged", String.valueOf(result.converged()));
        numbers.put("switch steps", SwitchSteps.summary(result.switchSteps()));
        numbers.put("fitted decay rate of E", Charts.number(check.fittedRate()));
        numbers.put("2 alpha lambda_min (final pattern)", Charts.number(check.predictedFinal()));
        numbers.put("2 alpha lambda_* (guaranteed)", Charts.number(check.predictedBound()));
        folder.add(chart, "convergence", "Total discord of a diffusion from a random state falls exponentially through"
                + " its activation switches (red); the dashed line, drawn above the curve's tail, has the slope"
                + " 2 alpha lambda_min of the final pattern.", numbers);
    }

    private static double smallestPart(Discord d) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : d.byKind().values()) {
            smallest = Math.min(smallest, v);
        }
        for (double v : d.byLayer().values()) {
            smallest = Math.min(smallest, v);
        }
        return smallest;
    }

    private static int lastSwitch(DiffusionResult result) {
        int[] switches = result.switchSteps();
        return switches.length == 0 ? 0 : switches[switches.length - 1];
    }

    private static void output(FigureFolder folder, SheafModel model, SeededDiffusion run, String network)
            throws IOException {
        List<DiffusionTrace.Point> points = run.trace().points();
        double target = run.forward().output(0)[0];
        double widest = 0;
        for (DiffusionTrace.Point p : points) {
            widest = Math.max(widest, Math.abs(p.output() - target));
        }
        int settled = 0;
        for (DiffusionTrace.Point p : points) {
            if (Math.abs(p.output() - target) > 0.01 * widest) {
                settled = p.step();
            }
        }
        double unit = Math.pow(10, Math.floor(Math.log10(Math.max(200, 2 * settled))));
        int end = (int) (Math.ceil(Math.max(200, 2 * settled) / unit) * unit);
        List<Double> at = new ArrayList<>();
        List<Double> trace = new ArrayList<>();
        int shown = (int) points.stream().filter(p -> p.step() <= end).count();
        for (int k = 0; k < shown; k += Math.max(1, shown / MAX_POINTS)) {
            at.add((double) points.get(k).step());
            trace.add(points.get(k).output());
        }
        int layers = model.network().architecture().layers();
        String stalk = "z_" + layers + (model.network().architecture().outputs() > 1 ? "[0]" : "");
        XYChart chart = Charts.line("Diffusion on " + network + ": the output stalk " + stalk, "Euler step", stalk,
                false);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisMax((double) end).setXAxisDecimalPattern("0");
        chart.addSeries(stalk + " during the diffusion", at, trace);
        chart.addSeries("forward pass", List.of(at.get(0), at.get(at.size() - 1)), List.of(target, target));
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("forward output", Charts.number(target));
        numbers.put("output after the run", Charts.number(run.result().state().output(0)[0]));
        numbers.put("within 1% of its largest deviation from step", String.valueOf(settled));
        folder.add(chart, "output", "The output stalk of the same diffusion settles on the forward pass's output"
                + " (the first " + end + " steps of " + run.result().iterations() + ").", numbers);
    }

    private static void discordByPart(FigureFolder folder, SeededDiffusion run, String network) throws IOException {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Double> steps = new ArrayList<>();
        List<DiffusionTrace.Point> points = run.trace().points();
        double floor = ConvergenceCheck.FLOOR * points.get(0).discord().total();
        int stride = Math.max(1, points.size() / MAX_POINTS);
        for (int k = 0; k < points.size(); k += stride) {
            Discord d = points.get(k).discord();
            if (smallestPart(d) <= floor) {
                break;
            }
            steps.add((double) points.get(k).step());
            d.byKind().forEach((kind, v) -> series.computeIfAbsent("type: " + kind.name().toLowerCase(Locale.ROOT),
                    s -> new ArrayList<>()).add(v));
            d.byLayer().forEach((layer, v) -> series.computeIfAbsent("layer " + layer, s -> new ArrayList<>()).add(v));
        }
        XYChart chart = Charts.line("Discord by edge type and by layer during the diffusion on " + network,
                "Euler step", "discord", true);
        series.forEach((name, values) -> chart.addSeries(name, steps, values));
        Discord end = points.get(points.size() - 1).discord();
        folder.add(chart, "discord-by-type-and-layer", "Discord by edge type and by layer along the same diffusion:"
                + " every part falls, the slowest mode setting the pace.", Map.of("last recorded total",
                Charts.number(end.total()), "last recorded weight edges",
                Charts.number(end.weightEdges())));
    }
}
