package dev.sheaf4j.solve;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Edge;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The move along a step of one sample's solve: to the first valley of the energy among the points
 * where a hidden pre-activation crosses zero and the full step, by exact evaluation, so the energy
 * never increases. Its residuals and trial points live in arrays reused by every move. Not thread-safe: one
 * per sample.
 */
final class LineSearch {
    /** Relative size of energy changes lost to rounding: smaller predicted decreases are taken whole. */
    static final double ROUNDING = 1e-13;

    private final WeightEdges weightEdges;
    private final PinnedEnergy energy;
    private final KinkSet kinks;
    private final OutputTerm output;
    private final SheafLayout layout;
    private final double[] r0;
    private final double[] slope;
    private final double[] d;
    private final double[] trial;

    LineSearch(SheafLayout layout, WeightEdges weightEdges, PinnedEnergy energy, KinkSet kinks, OutputTerm output) {
        this.weightEdges = weightEdges;
        this.energy = energy;
        this.kinks = kinks;
        this.output = output;
        this.layout = layout;
        int size = layout.discrepancySize();
        r0 = new double[size];
        slope = new double[size];
        d = new double[size];
        trial = new double[layout.stateSize()];
    }

    /**
     * The point along {@code step} from {@code v} (energy {@code e0}, gradient {@code g}) where the
     * energy, sampled at every zero crossing before the full step and at the full step, stops
     * decreasing (the first valley, so the iterates stay in the basin that diffusion would follow);
     * failing any decrease, halves of the first stretch. Returns {@code {t, energy}} or null.
     */
    double[] along(double[] v, double[] step, double[] g, double e0) {
        double[] crossings = kinks.crossings(v, step);
        double first = crossings.length == 0 ? 1.0 : crossings[0];
        double[] candidates = java.util.Arrays.copyOf(crossings, crossings.length + 1);
        candidates[crossings.length] = 1.0;
        double bestT = 0;
        double best = e0;
        Ray ray = new Ray(v, step);
        for (double t : candidates) {
            double e = ray.energy(t);
            if (e >= best) {
                break; // the first valley along the ray: stay in the basin the flow would follow
            }
            best = e;
            bestT = t;
        }
        for (int halving = 1; bestT == 0 && halving <= 60; halving++) {
            double t = first / Math.pow(2, halving);
            double e = ray.energy(t);
            if (e < e0) {
                best = e;
                bestT = t;
            }
        }
        if (bestT == 0 && predictedDecrease(step, g) <= ROUNDING * (1 + Math.abs(e0))) {
            // the Newton step promises less than the energy's rounding can show: take it whole
            return new double[] {1.0, ray.energy(1.0)};
        }
        return bestT == 0 ? null : new double[] {bestT, best};
    }

    /** Moves {@code v} to {@code v + t step}; returns the number of pre-activations whose sign class changed. */
    int move(double[] v, double[] step, double t) {
        double[] moved = trial;
        for (int c = 0; c < v.length; c++) {
            moved[c] = v[c] + t * step[c];
        }
        kinks.snap(v, step, t, moved);
        int changes = kinks.moved(v, step, moved);
        System.arraycopy(moved, 0, v, 0, v.length);
        output.eliminate(v);
        return changes;
    }

    /** {@code -g . step / 2}: the decrease the quadratic model predicts for the full Newton step. */
    private static double predictedDecrease(double[] step, double[] g) {
        double sum = 0;
        for (int c = 0; c < step.length; c++) {
            sum -= g[c] * step[c];
        }
        return sum / 2;
    }

    /**
     * The energy along {@code v + t step}, cheap for each {@code t}: the weight edges' residuals
     * (skips included) are affine in {@code t} (their value and slope are computed once), the
     * activation edges and the output edge are re-evaluated from the moved stalks.
     */
    private final class Ray {
        private final double[] v;
        private final double[] step;

        Ray(double[] v, double[] step) {
            this.v = v;
            this.step = step;
            weightEdges.residuals(v, r0);
            weightEdges.slopes(step, slope);
        }

        double energy(double t) {
            for (int c = 0; c < v.length; c++) {
                trial[c] = v[c] + t * step[c];
            }
            kinks.snap(v, step, t, trial);
            output.eliminate(trial);
            Architecture arch = layout.architecture();
            int n0 = arch.inputs();
            for (Edge edge : layout.edges()) {
                int from = edge.offset();
                int to = from + edge.width();
                if (edge.kind() == EdgeKind.ACTIVATION) {
                    double leak = arch.slope(edge.layer());
                    for (int i = from; i < to; i++) {
                        double z = trial[i + n0 - edge.width()];
                        d[i] = (z >= 0 ? z : leak * z) - trial[i + n0];
                    }
                } else if (edge.kind() == EdgeKind.OUTPUT) {
                    if (output.countsOutputEdge()) {
                        output.outputEdge(trial, d, from);
                    }
                } else {
                    // a weight or residual edge: affine in t, skips' terms included
                    for (int i = from; i < to; i++) {
                        d[i] = r0[i] + t * slope[i];
                    }
                }
            }
            return energy.of(d, trial);
        }
    }
}
