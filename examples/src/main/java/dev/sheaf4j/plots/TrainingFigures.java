package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The training pictures: sheaf training against gradient descent, and the sweep of the weight rate. */
public final class TrainingFigures {
    private TrainingFigures() {
    }

    /** Draws the loss curves of {@code run}. */
    public static void comparison(FigureFolder folder, TrainingComparison run) throws IOException {
        int steps = run.settings().stepsPerEpoch();
        XYChart chart = Charts.line("Paraboloid " + run.architecture() + ": sheaf training against gradient descent",
                "weight steps", "MSE", true);
        chart.addSeries("sheaf, train", weightSteps(run.sheaf().trainLoss().length, steps, Integer.MAX_VALUE),
                run.sheaf().trainLoss());
        chart.addSeries("sheaf, test", weightSteps(run.sheaf().testLoss().length, steps, Integer.MAX_VALUE),
                run.sheaf().testLoss());
        int gradientSteps = TrainingComparison.gradientSteps(run.settings());
        double[] at = weightSteps(run.gradientDescent().trainLoss().length, steps, gradientSteps);
        chart.addSeries("gradient descent, train", at, run.gradientDescent().trainLoss());
        chart.addSeries("gradient descent, test", at, run.gradientDescent().testLoss());
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("weight steps", String.valueOf(gradientSteps));
        numbers.put("sheaf final train", Charts.number(run.sheaf().finalTrainLoss()));
        numbers.put("sheaf final test", Charts.number(run.sheaf().finalTestLoss()));
        numbers.put("gradient descent final train", Charts.number(run.gradientFinalTrainLoss()));
        numbers.put("gradient descent learning rate", String.valueOf(run.gradientRate()));
        folder.add(chart, "training", "Training and test losses of sheaf training (local steps, no backward pass)"
                + " and of full-batch gradient descent from the same initial weights.", numbers);
    }

    /** {@code count} recorded points every {@code every} steps, the last capped at {@code last}. */
    private static double[] weightSteps(int count, int every, int last) {
        double[] x = new double[count];
        for (int e = 0; e < count; e++) {
            x[e] = Math.min((double) e * every, last);
        }
        return x;
    }

    /**
     * Final training loss against the weight rate {@code beta n_train} on the paraboloid, one curve
     * per seed (each seed draws the data, weights and stalks, as {@code train paraboloid --seed S}
     * does); runs that diverge are marked at the top of the plot.
     */
    public static void betaSweep(FigureFolder folder, double[] rates, long[] seeds, int epochs) throws IOException {
        XYChart chart = Charts.line("Weight rate sweep on the paraboloid [2, 30, 1], " + epochs + " epochs",
                "beta n_train", "final train MSE", true);
        Charts.logX(chart);
        chart.getStyler().setMarkerSize(7);
        Map<String, String> numbers = new LinkedHashMap<>();
        List<Double> divergedAt = new ArrayList<>();
        double highest = 0;
        for (long seed : seeds) {
            Tasks.Task task = Tasks.task("paraboloid", 1, seed);
            SheafModel model = task.network().apply(seed);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double rate : rates) {
                int n = task.data().train().size();
                TrainingSettings settings = task.settings().withSchedule(epochs, 1000).withBeta(rate / n);
                TrainingResult r = new SheafTrainer(model.kernel()).train(model.network(), task.data().train(), null,
                        Pins.none(), settings, TrainingListener.NONE);
                if (r.diverged()) {
                    divergedAt.add(rate);
                } else {
                    xs.add(rate);
                    ys.add(r.finalTrainLoss());
                    highest = Math.max(highest, r.finalTrainLoss());
                }
                numbers.put("seed " + seed + ", beta n_train = " + Charts.plain(rate),
                        r.diverged() ? "diverged at epoch " + (r.epochs() + 1) : Charts.number(r.finalTrainLoss()));
            }
            chart.addSeries("seed " + seed, xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!divergedAt.isEmpty()) {
            List<Double> top = new ArrayList<>(Collections.nCopies(divergedAt.size(), 2 * highest));
            XYSeries diverged = chart.addSeries("diverged (drawn at the top)", divergedAt, top);
            diverged.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            diverged.setMarker(SeriesMarkers.CROSS);
            diverged.setMarkerColor(Color.RED);
        }
        folder.add(chart, "beta-sweep", "Final training loss against the weight rate beta n_train: the loss stays"
                + " high when the rate is small, is lowest in a band in between, and training diverges (red crosses)"
                + " when the rate is too large.", numbers);
    }
}
