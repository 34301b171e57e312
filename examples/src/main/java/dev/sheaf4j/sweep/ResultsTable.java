package dev.sheaf4j.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results as CSV: a header, then one row per trial, its settings first (an empty cell is the
 * task's default), then its outcome; the loss curves are one cell each, values separated by
 * {@code ;}. Numbers are written in Java's shortest exact form, so equal results give equal text.
 */
public final class ResultsTable {
    /** The outcome columns, after the settings. */
    public static final List<String> OUTCOME = List.of("finalTrainLoss", "finalTestLoss", "trainAccuracy",
            "testAccuracy", "epochsRun", "diverged", "error", "seconds", "trainLossCurve", "testLossCurve",
            "weightSteps");

    private ResultsTable() {
    }

    /** The table of {@code rows}, with the seconds column or without it (where runs are compared). */
    public static String csv(List<TrialResult> rows, boolean withSeconds) {
        List<String> header = new ArrayList<>(TrialSettings.NAMES);
        header.addAll(OUTCOME);
        if (!withSeconds) {
            header.remove("seconds");
        }
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (TrialResult r : rows) {
            List<Object> cells = new ArrayList<>(r.settings().byName().values());
            cells.addAll(List.of(cell(r.finalTrainLoss()), cell(r.finalTestLoss()), cell(r.trainAccuracy()),
                    cell(r.testAccuracy()), r.epochs(), r.diverged(), cell(r.error())));
            if (withSeconds) {
                cells.add(r.seconds());
            }
            cells.add(curve(r.trainLoss()));
            cells.add(curve(r.testLoss()));
            cells.add(r.weightSteps());
            text.append(cells.stream().map(ResultsTable::cell).collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    private static String curve(List<Double> values) {
        return values.stream().map(ResultsTable::cell).collect(Collectors.joining(";"));
    }

    /** A CSV cell: empty for null, quoted when it holds a comma, quote or line break. */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
