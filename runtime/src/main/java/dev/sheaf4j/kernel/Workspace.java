package dev.sheaf4j.kernel;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * Scratch buffers for one batch size, allocated once per solve so that kernel steps never
 * allocate. Not thread-safe: one workspace per thread.
 */
public final class Workspace {
    private final SheafLayout layout;
    private final int batch;
    private final double[] discrepancy;
    private final double[] force;
    private final double[] outputValues;
    private Tile tile;
    private double[][] gradient;

    /** Buffers for {@code batch} samples of {@code layout}'s sheaf. */
    public Workspace(SheafLayout layout, int batch) {
        this.layout = layout;
        this.batch = Require.atLeastOne(batch, "batch size");
        this.force = new double[layout.stateLength(batch)];
        this.discrepancy = new double[layout.discrepancySize() * batch];
        this.outputValues = new double[layout.architecture().outputs() * batch];
    }

    /** The batch size these buffers hold. */
    public int batch() {
        return batch;
    }

    /** Discrepancy scratch, {@code (edge coordinate, sample)}. */
    public double[] discrepancy() {
        return discrepancy;
    }

    /** Force scratch, {@code (state coordinate, sample)}. */
    public double[] force() {
        return force;
    }

    /** Scratch for {@code phi(z_(k+1))}, {@code (output, sample)}. */
    public double[] outputValues() {
        return outputValues;
    }

    /** The tile the {@link Routing.StepRoute#TILES} steps run on, made on first use. */
    Tile tile() {
        if (tile == null) {
            tile = new Tile(layout.stateSize(), layout.discrepancySize(), layout.architecture().outputs(), batch);
        }
        return tile;
    }

    /**
     * Scratch for the weight gradient of a training step, made on first use: for the residual
     * coordinate of each row of each {@code W_l}, that row's weights and then its bias (the rows of
     * the activation residuals are empty).
     */
    double[][] gradient() {
        if (gradient == null) {
            gradient = new double[layout.discrepancySize()][];
            for (LayerSpan l : LayerSpan.of(layout)) {
                for (int i = 0; i < l.rows(); i++) {
                    gradient[l.residual() + i] = new double[l.cols() + 1];
                }
            }
        }
        return gradient;
    }
}
