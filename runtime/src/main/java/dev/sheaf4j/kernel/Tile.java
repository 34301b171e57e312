package dev.sheaf4j.kernel;

import java.util.Arrays;

/**
 * The working form of the {@link Routing.StepRoute#TILES} steps: the batch is cut into the fewest
 * tiles of at most {@link Routing#TILE} consecutive samples, of equal widths give or take one, and
 * this holds one of them at a time. The tile's stalks, edge discrepancies and forces keep each
 * coordinate's samples in an array of their own ({@code state()[k][s]}), so that every loop over
 * the samples indexes all its arrays alike and the JIT vectorises it. The stalks are copied in
 * from the flat {@code (coordinate, sample)} arrays of the kernel contract, and the moved ones
 * back, one tile at a time.
 */
public final class Tile {
    private final double[][] state;
    private final double[][] discrepancy;
    private final double[][] force;
    private final double[] ones;
    private final double[] sums = new double[3];
    private final double[] largest;
    private final double[] outputPre;
    private final double[] outputValues;
    private final double[] outputResidual;
    private double[][] transposed;
    private final int batch;
    private final int count;
    private int first;
    private int width;

    /** The tiles of a batch of {@code batch} samples, in turn. */
    Tile(int stateSize, int discrepancySize, int outputs, int batch) {
        this.batch = batch;
        this.count = (batch + Routing.TILE - 1) / Routing.TILE;
        int capacity = (batch + count - 1) / count;
        this.state = new double[stateSize][capacity];
        this.discrepancy = new double[discrepancySize][capacity];
        this.force = new double[stateSize][capacity];
        this.ones = new double[capacity];
        this.largest = new double[capacity];
        this.outputPre = new double[outputs * capacity];
        this.outputValues = new double[outputs * capacity];
        this.outputResidual = new double[outputs * capacity];
        Arrays.fill(ones, 1.0);
    }

    /** The stalks, {@code [state coordinate][sample of the tile]}. */
    public double[][] state() {
        return state;
    }

    /** The edge discrepancies, {@code [edge coordinate][sample of the tile]}. */
    public double[][] discrepancy() {
        return discrepancy;
    }

    /** The forces, {@code [state coordinate][sample of the tile]}. */
    public double[][] force() {
        return force;
    }

    /** The number of samples in the tile now; each row holds them from index 0. */
    public int width() {
        return width;
    }

    /** A row of ones, the factor of the bias in the weight gradient. */
    double[] ones() {
        return ones;
    }

    /** Scratch for three gradient sums. */
    double[] sums() {
        return sums;
    }

    /** Scratch of one row of at least {@code columns} values per sample of the tile, made on first use. */
    double[][] transposed(int columns) {
        if (transposed == null || transposed[0].length < columns) {
            transposed = new double[ones.length][columns];
        }
        return transposed;
    }

    /** The batch sample of the tile's sample 0. */
    int first() {
        return first;
    }

    /** The batch size the tile is cut from. */
    int batch() {
        return batch;
    }

    /** Flat scratch {@code (output, sample of the tile)}, for {@code z_(k+1)}. */
    double[] outputPre() {
        return outputPre;
    }

    /** Flat scratch {@code (output, sample of the tile)}, for {@code phi(z_(k+1))}. */
    double[] outputValues() {
        return outputValues;
    }

    /** Flat scratch {@code (output, sample of the tile)}, for the output edge's discrepancy. */
    double[] outputResidual() {
        return outputResidual;
    }

    /** The number of tiles the batch is cut into. */
    int count() {
        return count;
    }

    /** Makes this tile the batch's tile {@code k} and loads its samples' stalks from {@code values}. */
    void load(double[] values, int k) {
        this.first = (int) ((long) k * batch / count);
        this.width = (int) ((long) (k + 1) * batch / count) - first;
        for (int c = 0; c < state.length; c++) {
            System.arraycopy(values, c * batch + first, state[c], 0, width);
        }
    }

    /** Copies the tile's rows {@code from..to-1} of {@code rows} into the flat {@code values}. */
    void store(double[][] rows, int from, int to, double[] values) {
        for (int k = from; k < to; k++) {
            System.arraycopy(rows[k], 0, values, k * batch + first, width);
        }
    }

    /** Copies {@code count} rows from row {@code from} of {@code rows} into the flat {@code (row, sample)} {@code out}. */
    void gather(double[][] rows, int from, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows[from + i], 0, out, i * width, width);
        }
    }

    /**
     * {@code v += alphaDt f} on the tile's rows of the free runs ({@code [runs[2k], runs[2k+1])}, cut
     * at {@code end}), each moved row copied back into the flat {@code values}; returns
     * {@code max |f|} over those rows, NaN if any force is NaN.
     */
    double advance(double[] values, double alphaDt, int[] runs, int end) {
        Arrays.fill(largest, 0.0);
        for (int k = 0; k < runs.length; k += 2) {
            for (int c = runs[k]; c < Math.min(runs[k + 1], end); c++) {
                double[] v = state[c];
                double[] f = force[c];
                for (int s = 0; s < width; s++) {
                    v[s] += alphaDt * f[s];
                    largest[s] = Math.max(largest[s], Math.abs(f[s]));
                }
                System.arraycopy(v, 0, values, c * batch + first, width);
            }
        }
        double max = 0;
        for (int s = 0; s < width; s++) {
            max = Math.max(max, largest[s]);
        }
        return max;
    }
}
