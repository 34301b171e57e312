package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.diagnose.SpectralSurvey;
import dev.sheaf4j.diagnose.SpectralTracker;
import dev.sheaf4j.diagnose.Summary;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The spectral pictures: the spectrum of {@code L_free} during training, and where its slowest mode lives. */
public final class SpectralFigures {
    private SpectralFigures() {
    }

    /** The median spectral gap and largest eigenvalue over 20 training inputs, every {@code every} epochs. */
    public static void evolution(FigureFolder folder, Tasks.Task task, SheafModel model, TrainingSettings settings,
            int every) throws IOException {
        Dataset probe = task.data().train().select(IntStream.range(0, 20).toArray());
        SpectralTracker tracker = new SpectralTracker(probe, every).start(model.network());
        new SheafTrainer(model.kernel()).train(model.network(), task.data().train(), null, Pins.none(), settings,
                tracker);
        List<Double> epochs = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> tops = new ArrayList<>();
        for (SpectralTracker.Point point : tracker.points()) {
            epochs.add((double) point.epoch());
            gaps.add(point.survey().lambdaMin().median());
            tops.add(point.survey().lambdaMax().median());
        }
        XYChart chart = Charts.line("Spectrum of L_free during sheaf training of " + task.name() + " "
                + model.network().architecture().widthsText() + " (median over 20 inputs)", "epoch", "eigenvalue",
                true);
        chart.getStyler().setMarkerSize(6);
        chart.addSeries("lambda_max", epochs, tops).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("lambda_min", epochs, gaps).setMarker(SeriesMarkers.CIRCLE);
        folder.add(chart, "spectral-evolution", "The spectral gap and the largest eigenvalue of L_free as the weights"
                + " train.", Map.of("lambda_min at start", Charts.number(gaps.get(0)), "lambda_min at end",
                Charts.number(gaps.get(gaps.size() - 1))));
    }

    /** The Fiedler vector's median share per block over 50 test inputs, for each of {@code models}. */
    public static void fiedlerShares(FigureFolder folder, Dataset test, Map<String, SheafModel> models)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Share of the Fiedler vector in each block (median over 50 inputs)").xAxisTitle("block")
                .yAxisTitle("share of squared norm").build();
        Map<String, String> numbers = new LinkedHashMap<>();
        List<String> blocks = List.of("z_1", "a_1", "z_2", "a_2", "z_3");
        for (Map.Entry<String, SheafModel> entry : models.entrySet()) {
            SpectralSurvey survey = SpectralSurvey.of(entry.getValue(), test, 50);
            List<Double> values = new ArrayList<>();
            for (String block : blocks) {
                Summary s = survey.fiedlerShares().get(block);
                values.add(s == null ? 0.0 : s.median());
                if (s != null) {
                    numbers.put(entry.getKey() + " " + block, Charts.number(s.median()));
                }
            }
            chart.addSeries(entry.getKey() + " " + entry.getValue().network().architecture().widthsText(), blocks,
                    values);
        }
        folder.add(chart, "fiedler-shares", "Where the slowest mode of L_free lives: the Fiedler vector's share in"
                + " each block.", numbers);
    }
}
