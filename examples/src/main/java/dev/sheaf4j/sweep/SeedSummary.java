package dev.sheaf4j.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The results over seeds: one row per grid point without its seed, with how many trials it had,
 * how many diverged or failed, and the mean and the sample standard deviation (the spread) of the
 * final losses and test accuracy over the trials that completed.
 */
public final class SeedSummary {
    private static final List<String> MEASURED = List.of("finalTrainLoss", "finalTestLoss", "testAccuracy");

    private SeedSummary() {
    }

    /** The summary of {@code rows} as CSV, in the order the groups first appear. */
    public static String csv(List<TrialResult> rows) {
        List<String> header = new ArrayList<>(TrialSettings.NAMES.subList(0, TrialSettings.NAMES.size() - 1));
        header.addAll(List.of("trials", "diverged", "failed"));
        for (String measure : MEASURED) {
            header.add(measure + "Mean");
            header.add(measure + "Spread");
        }
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (Map.Entry<List<Object>, List<TrialResult>> group : bySettingsWithoutSeed(rows).entrySet()) {
            List<TrialResult> trials = group.getValue();
            List<Object> cells = new ArrayList<>(group.getKey());
            cells.add(trials.size());
            cells.add(trials.stream().filter(TrialResult::diverged).count());
            cells.add(trials.stream().filter(t -> t.error() != null).count());
            for (Function<TrialResult, Double> measure : List.<Function<TrialResult, Double>>of(
                    TrialResult::finalTrainLoss, TrialResult::finalTestLoss, TrialResult::testAccuracy)) {
                List<Double> values = trials.stream().filter(TrialResult::completed).map(measure)
                        .filter(v -> v != null).toList();
                cells.add(values.isEmpty() ? null : format(mean(values)));
                cells.add(values.size() < 2 ? null : format(spread(values)));
            }
            text.append(cells.stream().map(ResultsTable::cell).collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    /** The rows grouped by their settings without the seed. */
    public static Map<List<Object>, List<TrialResult>> bySettingsWithoutSeed(List<TrialResult> rows) {
        Map<List<Object>, List<TrialResult>> groups = new LinkedHashMap<>();
        for (TrialResult row : rows) {
            List<Object> key = new ArrayList<>(row.settings().byName().values());
            key.remove(key.size() - 1);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /** The mean of {@code values}. */
    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** The sample standard deviation of at least two {@code values}. */
    public static double spread(List<Double> values) {
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
