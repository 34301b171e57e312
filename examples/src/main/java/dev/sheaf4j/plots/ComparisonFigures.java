package dev.sheaf4j.plots;

import dev.sheaf4j.sweep.SeedSummary;
import dev.sheaf4j.sweep.TrialResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * Pictures of a comparison of methods: the test loss, averaged over the seeds that completed,
 * against the weight steps taken and against the seconds of training. Seconds are drawn at each
 * trial's mean pace (its training time divided evenly over its steps), so equal weight steps and
 * equal wall time can be read side by side.
 */
public final class ComparisonFigures {
    private ComparisonFigures() {
    }

    /** Writes both figures of {@code results} (trials of {@code methods}) to {@code folder}. */
    public static void writeAll(FigureFolder folder, List<TrialResult> results, List<String> methods)
            throws IOException {
        lossAgainst(folder, results, methods, false);
        lossAgainst(folder, results, methods, true);
    }

    private static void lossAgainst(FigureFolder folder, List<TrialResult> results, List<String> methods,
            boolean seconds) throws IOException {
        String x = seconds ? "seconds of training" : "weight steps";
        List<TrialResult> completed = results.stream().filter(TrialResult::completed).toList();
        boolean logY = Charts.spansADecade(completed.stream().flatMap(r -> r.testLoss().stream()));
        XYChart chart = Charts.line("Test loss against " + x + " (mean over seeds)", x, "test loss", logY);
        Map<String, String> numbers = new LinkedHashMap<>();
        for (String method : methods) {
            List<TrialResult> trials = completed.stream().filter(r -> r.settings().method().equals(method)).toList();
            if (trials.isEmpty()) {
                numbers.put(method, "no trial completed");
                continue;
            }
            int points = trials.stream().mapToInt(r -> r.testLoss().size()).min().orElse(0);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                final int at = i;
                List<Double> losses = trials.stream().map(r -> r.testLoss().get(at)).filter(Objects::nonNull).toList();
                if (losses.size() == trials.size()) {
                    xs.add(SeedSummary.mean(trials.stream().map(r -> seconds ? secondsAt(r, at)
                            : (double) r.curveSteps().get(at)).toList()));
                    ys.add(SeedSummary.mean(losses));
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(method, xs, ys);
                numbers.put(method + " final test loss at " + Charts.plain(xs.get(xs.size() - 1)) + " " + x,
                        Charts.number(ys.get(ys.size() - 1)));
            }
        }
        String name = seconds ? "test-loss-vs-seconds" : "test-loss-vs-weight-steps";
        String caption = seconds ? "Test loss against the seconds of training (the rate search excluded), each"
                + " trial's curve drawn at its mean pace; mean over the seeds that completed."
                : "Test loss against the weight updates taken, the same for every method (sgd's recorded about"
                        + " every hundredth of its steps, the sheaf methods' after each epoch); mean over the seeds"
                        + " that completed.";
        folder.add(chart, name, caption, numbers);
    }

    /** The seconds into trial {@code r} of its curve's point {@code i}, at the trial's mean pace. */
    private static double secondsAt(TrialResult r, int i) {
        return r.weightSteps() == 0 ? 0 : r.trainingSeconds() * r.curveSteps().get(i) / r.weightSteps();
    }
}
