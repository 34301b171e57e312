package dev.sheaf4j.plots;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.data.Split;
import dev.sheaf4j.data.SyntheticTasks;
import dev.sheaf4j.diagnose.ConvergenceCheck;
import dev.sheaf4j.diagnose.PinnedDiscord;
import dev.sheaf4j.diagnose.SpectralSurvey;
import dev.sheaf4j.diagnose.SpectralTracker;
import dev.sheaf4j.diagnose.Summary;
import dev.sheaf4j.examples.ExampleNetworks;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.Predictions;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's figure set, computed and drawn: convergence of a diffusion with its switches, discord
 * by type and layer over it, training curves against gradient descent, the weight-rate sweep,
 * spectral evolution during training, Fiedler block shares, a learned surface and a decision
 * boundary, and a heat map of pinned discord. {@code quick} makes every run short.
 */
public final class FigureSet {
    private final Path out;
    private final boolean quick;
    private final IntConsumer progress;
    private final List<Figure> figures = new ArrayList<>();

    /** Figures into {@code out}; {@code progress} hears the number of figures done. */
    public FigureSet(Path out, boolean quick, IntConsumer progress) {
        this.out = out;
        this.quick = quick;
        this.progress = progress;
    }

    /** How many figures {@link #writeAll()} writes. */
    public static final int COUNT = 10;

    /**
     * The demo's report: the convergence pictures and a short training run against gradient
     * descent; returns the figures.
     */
    public List<Figure> writeDemo() throws IOException {
        convergence();
        training(SyntheticTasks.generate("paraboloid", 300, 100, 1));
        return figures;
    }

    /** Computes and writes every figure; returns them in order. */
    public List<Figure> writeAll() throws IOException {
        convergence();
        progress.accept(figures.size());
        discordOverDiffusion();
        progress.accept(figures.size());
        Split paraboloid = SyntheticTasks.generate("paraboloid", 300, 100, 1);
        TrainingResult trained = training(paraboloid);
        progress.accept(figures.size());
        betaSweep(paraboloid);
        progress.accept(figures.size());
        spectralEvolution(paraboloid);
        progress.accept(figures.size());
        fiedlerShares(paraboloid);
        progress.accept(figures.size());
        surface(trained.network());
        progress.accept(figures.size());
        decisionBoundary();
        progress.accept(figures.size());
        discordHeatMap(trained.network(), paraboloid.test());
        progress.accept(figures.size());
        return figures;
    }

    private static XYChart lineChart(String title, String x, String y, boolean logY) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private void add(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String name, String caption,
            Map<String, String> numbers) throws IOException {
        ChartFiles.write(chart, out, name);
        figures.add(new Figure(name, caption, numbers));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A diffusion from a random state: total discord on a log axis with the switches marked, and the output. */
    private void convergence() throws IOException {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 6, 4, 1), 7);
        double[] x = {-0.22, -0.97};
        SheafState forward = sheaf.forwardPass(x);
        SheafState start = forward.copy();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 2; i < start.values().length; i++) {
            start.values()[i] = random.nextGaussian();
        }
        double dt = 0.01;
        DiffusionResult run = sheaf.diffuse(start, Pins.none(), DiffusionSettings.defaults().withDt(dt)
                .withEnergyTrace(true).withMaxSteps(quick ? 20_000 : 200_000));
        double[] energy = run.energyTrace();
        int stride = Math.max(1, energy.length / 2000);
        List<Double> steps = new ArrayList<>();
        List<Double> discord = new ArrayList<>();
        for (int k = 0; k < energy.length; k += stride) {
            if (energy[k] > 0) {
                steps.add((double) k);
                discord.add(2 * energy[k]);
            }
        }
        XYChart chart = lineChart("Diffusion on [2, 6, 4, 1]: total discord (= 2 E)", "Euler step", "total discord",
                true);
        chart.addSeries("total discord", steps, discord).setMarker(SeriesMarkers.NONE);
        List<Double> switchX = new ArrayList<>();
        List<Double> switchY = new ArrayList<>();
        for (int s : run.switchSteps()) {
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
        ConvergenceCheck check = ConvergenceCheck.of(sheaf.network(), run, 1.0, dt);
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("steps", String.valueOf(run.iterations()));
        numbers.put("switches", java.util.Arrays.toString(run.switchSteps()));
        numbers.put("fitted decay rate", f(check.fittedRate()));
        numbers.put("2 alpha lambda_min", f(check.predictedFinal()));
        add(chart, "convergence", "Total discord of a diffusion from a random state falls exponentially through its"
                + " activation switches (red), at the rate 2 alpha lambda_min.", numbers);

        XYChart output = lineChart("The output stalk converging to the forward value", "Euler step", "z_3",
                false);
        List<Double> trace = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        SheafState replay = start.copy();
        Workspace workspace = new Workspace(sheaf.layout(), 1);
        PinSet none = Pins.none().compile(sheaf.layout(), 1);
        double[] params = sheaf.network().parameters();
        int outputIndex = sheaf.layout().preOffset(3);
        int limit = Math.min(run.iterations(), quick ? 3000 : 6000);
        for (int k = 0; k <= limit; k++) {
            if (k % 5 == 0) {
                at.add((double) k);
                trace.add(replay.values()[outputIndex]);
            }
            sheaf.kernel().eulerStep(params, replay.values(), dt, OutputEdgeMode.JACOBIAN, none, workspace);
        }
        output.addSeries("z_3 (output)", at, trace);
        List<Double> target = new ArrayList<>();
        at.forEach(a -> target.add(forward.output(0)[0]));
        output.addSeries("forward pass", at, target);
        add(output, "output", "The output stalk of the same diffusion settles on the forward pass's output.",
                Map.of("forward output", f(forward.output(0)[0])));
    }

    /** Discord by edge type and by layer along a diffusion. */
    private void discordOverDiffusion() throws IOException {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 10, 8, 1), 3);
        SheafState state = sheaf.forwardPass(new double[] {0.5, -0.3});
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 2; i < state.values().length; i++) {
            state.values()[i] += random.nextGaussian();
        }
        Workspace workspace = new Workspace(sheaf.layout(), 1);
        PinSet none = Pins.none().compile(sheaf.layout(), 1);
        double[] params = sheaf.network().parameters();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<Double> steps = new ArrayList<>();
        int total = quick ? 2000 : 8000;
        for (int k = 0; k <= total; k++) {
            if (k % 20 == 0) {
                Discord d = sheaf.discord(state);
                steps.add((double) k);
                d.byKind().forEach((kind, v) -> series.computeIfAbsent("type: " + kind.name().toLowerCase(Locale.ROOT),
                        s -> new ArrayList<>()).add(Math.max(v, 1e-300)));
                d.byLayer().forEach((layer, v) -> series.computeIfAbsent("layer " + layer, s -> new ArrayList<>())
                        .add(Math.max(v, 1e-300)));
            }
            sheaf.kernel().eulerStep(params, state.values(), 0.01, OutputEdgeMode.JACOBIAN, none, workspace);
        }
        XYChart chart = lineChart("Discord by edge type and by layer during a diffusion on [2, 10, 8, 1]",
                "Euler step", "discord", true);
        series.forEach((name, values) -> chart.addSeries(name, steps, values));
        Discord end = sheaf.discord(state);
        add(chart, "discord-by-type-and-layer", "Discord by edge type and by layer along a diffusion: every part"
                + " falls, the slowest mode setting the pace.", Map.of("final total", f(end.total()),
                "final weight edges", f(end.byKind().getOrDefault(EdgeKind.WEIGHT, 0.0))));
    }

    private TrainingSettings paraboloidSettings() {
        return Tasks.task("paraboloid", 1, 1).settings().withSchedule(quick ? 10 : 100, 1000);
    }

    /** Sheaf training against gradient descent on the paraboloid. */
    private TrainingResult training(Split data) throws IOException {
        SheafModel model = ExampleNetworks.create("paraboloid", 1);
        TrainingSettings settings = paraboloidSettings();
        TrainingResult sheaf = new SheafTrainer(model.kernel()).train(model.network(), data.train(), data.test(),
                Pins.none(), settings, report -> true);
        int sgdEpochs = settings.epochs() * settings.stepsPerEpoch();
        GradientDescent.Result sgd = GradientDescent.train(model.kernel(), model.network(), data.train(), data.test(),
                0.005, sgdEpochs, data.train().size(), 1, settings.stepsPerEpoch());
        XYChart chart = lineChart("Paraboloid [2, 30, 1]: sheaf training against gradient descent",
                "weight steps", "MSE", true);
        double[] x = new double[sheaf.trainLoss().length];
        for (int e = 0; e < x.length; e++) {
            x[e] = (double) e * settings.stepsPerEpoch();
        }
        chart.addSeries("sheaf, train", x, sheaf.trainLoss());
        chart.addSeries("sheaf, test", x, sheaf.testLoss());
        double[] xs = new double[sgd.trainLoss().length];
        for (int e = 0; e < xs.length; e++) {
            xs[e] = Math.min((double) e * settings.stepsPerEpoch(), sgdEpochs);
        }
        chart.addSeries("SGD, train", xs, sgd.trainLoss());
        chart.addSeries("SGD, test", xs, sgd.testLoss());
        add(chart, "training", "Training losses of sheaf training (local steps, no backward pass) and of gradient"
                + " descent from the same initial weights.", Map.of("sheaf final train", f(sheaf.finalTrainLoss()),
                "SGD final train", f(sgd.trainLoss()[sgd.trainLoss().length - 1])));
        return sheaf;
    }

    /** Final training loss over the weight rate {@code beta n_train}. */
    private void betaSweep(Split data) throws IOException {
        double[] rates = quick ? new double[] {0.01, 0.1, 1, 10, 100} : new double[] {0.003, 0.01, 0.03, 0.1, 0.3, 1,
            3, 10, 30, 100};
        int[] seeds = quick ? new int[] {1} : new int[] {1, 2, 3};
        XYChart chart = lineChart("Weight rate sweep on the paraboloid [2, 30, 1]", "beta n_train",
                "final train MSE", false);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(6);
        Map<String, String> numbers = new LinkedHashMap<>();
        for (int seed : seeds) {
            SheafModel model = ExampleNetworks.create("paraboloid", seed);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double rate : rates) {
                TrainingSettings settings = paraboloidSettings().withSchedule(quick ? 5 : 100, 1000)
                        .withBeta(rate / data.train().size()).withInit(dev.sheaf4j.train.StalkInit.RANDOM, seed);
                TrainingResult r = new SheafTrainer(model.kernel()).train(model.network(), data.train(), null,
                        Pins.none(), settings, report -> true);
                if (!r.diverged()) {
                    xs.add(rate);
                    ys.add(r.finalTrainLoss());
                }
                numbers.put("seed " + seed + ", beta n = " + rate, r.diverged() ? "diverged" : f(r.finalTrainLoss()));
            }
            XYSeries s = chart.addSeries("seed " + seed, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        add(chart, "beta-sweep", "Final training loss against the weight rate beta n_train: stagnation when it is"
                + " small, a good band in between, divergence (left out) when it is large.", numbers);
    }

    /** The spectral gap and largest eigenvalue of L_free during training. */
    private void spectralEvolution(Split data) throws IOException {
        SheafModel model = ExampleNetworks.create("paraboloid", 1);
        Dataset probe = data.train().select(java.util.stream.IntStream.range(0, 20).toArray());
        SpectralTracker tracker = new SpectralTracker(probe, quick ? 2 : 10).start(model.network());
        new SheafTrainer(model.kernel()).train(model.network(), data.train(), null, Pins.none(), paraboloidSettings(),
                tracker);
        List<Double> epochs = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> tops = new ArrayList<>();
        for (SpectralTracker.Point point : tracker.points()) {
            epochs.add((double) point.epoch());
            gaps.add(point.survey().lambdaMin().median());
            tops.add(point.survey().lambdaMax().median());
        }
        XYChart chart = lineChart("Spectrum of L_free during sheaf training (median over 20 inputs)", "epoch",
                "eigenvalue", true);
        chart.getStyler().setMarkerSize(6);
        chart.addSeries("lambda_max", epochs, tops).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("lambda_min", epochs, gaps).setMarker(SeriesMarkers.CIRCLE);
        add(chart, "spectral-evolution", "The spectral gap and the largest eigenvalue of L_free as the weights train.",
                Map.of("lambda_min at start", f(gaps.get(0)), "lambda_min at end", f(gaps.get(gaps.size() - 1))));
    }

    /** The Fiedler vector's share per block for a one- and a two-hidden-layer network. */
    private void fiedlerShares(Split data) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                .title("Share of the Fiedler vector in each block (median over 50 inputs)").xAxisTitle("block")
                .yAxisTitle("share of squared norm").build();
        Map<String, String> numbers = new LinkedHashMap<>();
        List<String> blocks = List.of("z_1", "a_1", "z_2", "a_2", "z_3");
        for (String name : List.of("paraboloid", "deep")) {
            SpectralSurvey survey = SpectralSurvey.of(ExampleNetworks.create(name, 1), data.test(), 50);
            List<Double> values = new ArrayList<>();
            for (String block : blocks) {
                Summary s = survey.fiedlerShares().get(block);
                values.add(s == null ? 0.0 : s.median());
                if (s != null) {
                    numbers.put(name + " " + block, f(s.median()));
                }
            }
            chart.addSeries(name + " " + ExampleNetworks.create(name, 1).network().architecture().widthsText(), blocks,
                    values);
        }
        add(chart, "fiedler-shares", "Where the slowest mode of L_free lives: the Fiedler vector's share in each"
                + " block.", numbers);
    }

    /** The trained network's regression surface on a grid. */
    private void surface(Network trained) throws IOException {
        SheafModel model = Sheaf.of(trained);
        List<Double> axis = gridAxis(-2, 2);
        int grid = axis.size();
        List<Number[]> heat = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                double y = model.forward(new double[] {axis.get(i), axis.get(j)})[0];
                heat.add(new Number[] {i, j, y});
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600)
                .title("Learned paraboloid surface (sheaf-trained [2, 30, 1])").xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("prediction", axis, axis, heat);
        add(chart, "surface", "The regression surface the sheaf-trained network learned (target x1^2 + x2^2 - 2/3).",
                Map.of("min", f(min), "max", f(max)));
    }

    /** Evenly spaced grid values from {@code from} to {@code to}, rounded to one decimal for the axis labels. */
    private List<Double> gridAxis(double from, double to) {
        int points = quick ? 21 : 31;
        List<Double> axis = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            axis.add(Math.round((from + (to - from) * i / (points - 1)) * 10) / 10.0);
        }
        return axis;
    }

    /** A sheaf-trained circle classifier's decision boundary on a grid. */
    private void decisionBoundary() throws IOException {
        Tasks.Task task = Tasks.task("circle", 1, 1);
        SheafModel model = task.network().apply(1);
        TrainingResult r = new SheafTrainer(model.kernel()).train(model.network(), task.data().train(), null,
                Pins.none(), task.settings().withSchedule(quick ? 5 : 50, 1000), report -> true);
        SheafModel trained = Sheaf.of(r.network());
        List<Double> axis = gridAxis(-3, 3);
        int grid = axis.size();
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                heat.add(new Number[] {i, j, trained.forward(new double[] {axis.get(i), axis.get(j)})[0]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600)
                .title("Circle classifier: probability of the outer ring").xAxisTitle("x1").yAxisTitle("x2").build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("p(outer)", axis, axis, heat);
        double accuracy = Predictions.accuracy(trained.kernel(), trained.network().parameters(), task.data().test());
        add(chart, "decision-boundary", "The decision boundary of a sheaf-trained circle classifier [2, 25, 1].",
                Map.of("test accuracy", f(accuracy)));
    }

    /** Pinned discord per edge and sample for the trained paraboloid network. */
    private void discordHeatMap(Network trained, Dataset test) throws IOException {
        int samples = quick ? 15 : 40;
        Dataset first = test.select(java.util.stream.IntStream.range(0, samples).toArray());
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
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(400)
                .title("Pinned discord (output pinned to the label), edge x test sample").xAxisTitle("test sample")
                .yAxisTitle("edge").build();
        chart.getStyler().setShowValue(false);
        chart.addSeries("discord", sampleAxis, edges, heat);
        Map<String, String> numbers = new LinkedHashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            numbers.put(edges.get(e) + " mean", f(overall.perEdge().get(e).mean()));
        }
        add(chart, "discord-heatmap", "Where the trained network's error lives, sample by sample: the discord of"
                + " each edge when the output is pinned to the true label.", numbers);
    }
}
