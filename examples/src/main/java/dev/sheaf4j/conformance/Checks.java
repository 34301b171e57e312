package dev.sheaf4j.conformance;

import java.util.List;
import java.util.Locale;

/** Builds check results by comparing computed values with a fixture's, reporting the worst entry. */
final class Checks {
    private Checks() {
    }

    /** Compares two scalars. */
    static CheckResult scalar(String name, double got, double expected, Tolerance tolerance) {
        return new CheckResult(tolerance.accepts(got, expected) ? Status.PASS : Status.FAIL, name, format(got),
                format(expected), tolerance.toString());
    }

    /**
     * Compares labelled vectors entry by entry; the line shows the worst entry. Lengths must agree.
     */
    static CheckResult vectors(String name, List<Labelled> got, List<Labelled> expected, Tolerance tolerance) {
        if (got.size() != expected.size()) {
            return new CheckResult(Status.FAIL, name, got.size() + " stalks", expected.size() + " stalks",
                    tolerance.toString());
        }
        double worst = -1;
        String where = "";
        double worstGot = 0;
        double worstExpected = 0;
        for (int v = 0; v < got.size(); v++) {
            double[] g = got.get(v).values();
            double[] e = expected.get(v).values();
            if (g.length != e.length) {
                return new CheckResult(Status.FAIL, name, got.get(v).label() + " has " + g.length + " entries",
                        e.length + " entries", tolerance.toString());
            }
            for (int i = 0; i < g.length; i++) {
                double error = tolerance.error(g[i], e[i]);
                if (error > worst) {
                    worst = error;
                    where = expected.get(v).label() + "[" + i + "]";
                    worstGot = g[i];
                    worstExpected = e[i];
                }
            }
        }
        boolean pass = worst <= tolerance.value();
        return new CheckResult(pass ? Status.PASS : Status.FAIL, name,
                format(worstGot) + " (worst at " + where + ", error " + format(worst) + ")", format(worstExpected),
                tolerance.toString());
    }

    /** An exact comparison of two values printed as text. */
    static CheckResult exact(String name, Object got, Object expected) {
        return new CheckResult(got.equals(expected) ? Status.PASS : Status.FAIL, name, String.valueOf(got),
                String.valueOf(expected), "exact");
    }

    /** Iteration counts within {@code fraction} of the reference. */
    static CheckResult iterations(String name, int got, int expected, double fraction) {
        boolean pass = Math.abs(got - expected) <= fraction * expected;
        return new CheckResult(pass ? Status.PASS : Status.FAIL, name, String.valueOf(got), String.valueOf(expected),
                String.format(Locale.ROOT, "%.0f%%", fraction * 100));
    }

    static String format(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.12g", v);
    }

    /** A named vector: one stalk's values. */
    record Labelled(String label, double[] values) {
    }
}
