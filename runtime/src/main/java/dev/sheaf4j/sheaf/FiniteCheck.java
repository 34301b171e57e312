package dev.sheaf4j.sheaf;

import dev.sheaf4j.internal.Require;

/**
 * Checks of computed results: a state or an energy that is not finite fails with a
 * {@link NonFiniteException} naming the computation and the vertex or edge and sample where it is
 * not. A check is one pass over the values; the place is searched for only when one fails.
 */
public final class FiniteCheck {
    private FiniteCheck() {
    }

    /**
     * Fails if an entry of {@code values}, a state of {@code batch} samples in {@code layout}, is not
     * finite: the first in forward order, where the computation stopped being finite.
     *
     * @param computation what produced the state, e.g. {@code "the forward pass"}
     * @param remedy what the user can do about it
     */
    public static void state(String computation, SheafLayout layout, double[] values, int batch, String remedy) {
        int i = Require.firstNonFinite(values);
        if (i >= 0) {
            throw new NonFiniteException(computation + " is not finite at " + layout.stateEntry(i, batch) + " ("
                    + values[i] + "); " + remedy);
        }
    }

    /**
     * Fails if {@code energy}, computed from the discrepancies {@code discrepancy} of {@code batch}
     * samples (plus any pin or output terms), is not finite, naming the first edge and sample whose
     * squared discrepancy is not.
     */
    public static void energy(String computation, double energy, SheafLayout layout, double[] discrepancy, int batch) {
        if (!Double.isFinite(energy)) {
            throw new NonFiniteException(computation + " is not finite (" + energy + "): "
                    + overflowingEdge(layout, discrepancy, batch)
                    + "; the state or the weights are too large for double precision");
        }
    }

    private static String overflowingEdge(SheafLayout layout, double[] discrepancy, int batch) {
        for (Edge edge : layout.edges()) {
            for (int s = 0; s < batch; s++) {
                double sum = 0;
                for (int i = edge.offset(); i < edge.offset() + edge.width(); i++) {
                    double d = discrepancy[i * batch + s];
                    sum += d * d;
                }
                if (!Double.isFinite(sum)) {
                    return "the squared discrepancy of edge " + edge.name() + " of sample " + s + " is " + sum;
                }
            }
        }
        return "the squared discrepancies are finite, their sum with the pins' terms is not";
    }
}
