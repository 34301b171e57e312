package dev.sheaf4j.plots;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;

/** The training picture: sheaf training against gradient descent. */
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
}
