package dev.sheaf4j.kernel;

/**
 * A batch held one array per coordinate: the stalks, the edge discrepancies and the forces, each
 * {@code [coordinate][sample]}, with copies to and from the flat {@code (coordinate, sample)} arrays
 * of the kernel contract.
 */
final class RowBuffers {
    final double[][] state;
    final double[][] discrepancy;
    final double[][] force;
    /** A row of ones, the factor of the bias in the weight gradient. */
    final double[] ones;
    /** Scratch for three gradient sums. */
    final double[] sums = new double[3];
    private final int batch;

    RowBuffers(int stateSize, int discrepancySize, int batch) {
        this.batch = batch;
        this.state = new double[stateSize][batch];
        this.discrepancy = new double[discrepancySize][batch];
        this.force = new double[stateSize][batch];
        this.ones = new double[batch];
        java.util.Arrays.fill(ones, 1.0);
    }

    /** Copies the flat {@code values} into {@code rows}. */
    void load(double[] values, double[][] rows) {
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(values, k * batch, rows[k], 0, batch);
        }
    }

    /** Copies rows {@code from..to-1} of {@code rows} into the flat {@code values}. */
    void store(double[][] rows, int from, int to, double[] values) {
        for (int k = from; k < to; k++) {
            System.arraycopy(rows[k], 0, values, k * batch, batch);
        }
    }
}
