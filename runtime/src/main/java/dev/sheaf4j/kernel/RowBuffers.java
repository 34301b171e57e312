package dev.sheaf4j.kernel;

/**
 * A batch held one array per coordinate: the stalks, the edge discrepancies and the forces, each
 * {@code [coordinate][sample]}, with copies to and from the flat {@code (coordinate, sample)} arrays
 * of the kernel contract.
 */
final class RowBuffers {
    private final double[][] state;
    private final double[][] discrepancy;
    private final double[][] force;
    private final double[] ones;
    private final double[] sums = new double[3];
    /** Scratch for the largest force of each sample. */
    private final double[] largest;
    private final int batch;

    RowBuffers(int stateSize, int discrepancySize, int batch) {
        this.batch = batch;
        this.state = new double[stateSize][batch];
        this.discrepancy = new double[discrepancySize][batch];
        this.force = new double[stateSize][batch];
        this.ones = new double[batch];
        this.largest = new double[batch];

        java.util.Arrays.fill(ones, 1.0);
    }

    /** The stalks, {@code [state coordinate][sample]}. */
    double[][] state() {
        return state;
    }

    /** The edge discrepancies, {@code [edge coordinate][sample]}. */
    double[][] discrepancy() {
        return discrepancy;
    }

    /** The forces, {@code [state coordinate][sample]}. */
    double[][] force() {
        return force;
    }

    /** A row of ones, the factor of the bias in the weight gradient. */
    double[] ones() {
        return ones;
    }

    /** Scratch for three gradient sums. */
    double[] sums() {
        return sums;
    }

    /** The number of samples in a row. */
    int batch() {
        return batch;
    }

    /** Copies rows {@code from..to-1} of the flat {@code values} into {@code rows}. */
    void load(double[] values, double[][] rows, int from, int to) {
        for (int k = from; k < to; k++) {
            System.arraycopy(values, k * batch, rows[k], 0, batch);
        }
    }

    /** Copies rows {@code from..to-1} of {@code rows} into the flat {@code values}. */
    void store(double[][] rows, int from, int to, double[] values) {
        for (int k = from; k < to; k++) {
            System.arraycopy(rows[k], 0, values, k * batch, batch);
        }
    }

    /**
     * {@code v += alphaDt f} on the rows of the free runs ({@code [runs[2k], runs[2k+1])}, cut at
     * {@code end}), each moved row copied back into the flat {@code values}; returns {@code max |f|}
     * over those rows, NaN if any force is NaN.
     */
    double advance(double[] values, double alphaDt, int[] runs, int end) {
        java.util.Arrays.fill(largest, 0.0);
        for (int k = 0; k < runs.length; k += 2) {
            for (int c = runs[k]; c < Math.min(runs[k + 1], end); c++) {
                double[] v = state[c];
                double[] f = force[c];
                for (int s = 0; s < batch; s++) {
                    v[s] += alphaDt * f[s];
                    largest[s] = Math.max(largest[s], Math.abs(f[s]));
                }
                System.arraycopy(v, 0, values, c * batch, batch);
            }
        }
        double max = 0;
        for (double m : largest) {
            max = Math.max(max, m);
        }
        return max;
    }
}
