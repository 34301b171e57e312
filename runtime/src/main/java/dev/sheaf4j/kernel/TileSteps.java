package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * The {@link Routing.StepRoute#TILES} strategy: the batch in tiles of at most {@link Routing#TILE}
 * samples, and for each tile in turn its stalks loaded into the workspace's {@link Tile}, the
 * kernel's tile edges run on it, then the output edge, the soft pins and the advance, the moved rows
 * stored back, so that every pass finds the tile's rows still in cache. A training step adds
 * each tile's weight gradient into the workspace's gradient and moves the weights once, after the
 * last tile, so every tile sees the old weights.
 */
final class TileSteps implements StepStrategy {
    private final AbstractSheafKernel kernel;
    private final SheafLayout layout;
    private final OutputEdge output;
    private final List<LayerSpan> spans;

    TileSteps(AbstractSheafKernel kernel, OutputEdge output) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        this.output = output;
        this.spans = LayerSpan.of(layout);
    }

    @Override
    public void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out) {
        Tile tile = workspace.tile();
        for (int k = 0; k < tile.count(); k++) {
            loaded(params, state, tile, k, true);
            output.tileForces(tile, mode);
            tile.store(tile.force(), 0, layout.stateSize(), out);
        }
    }

    @Override
    public double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        Tile tile = workspace.tile();
        double largest = 0;
        for (int k = 0; k < tile.count(); k++) {
            loaded(params, state, tile, k, inputsFree(pins));
            output.tileForces(tile, mode);
            addSoftForces(pins, tile, layout.stateSize());
            largest = Math.max(largest, tile.advance(state, alphaDt, pins.freeRuns(), layout.stateSize()));
        }
        return alphaDt * largest;
    }

    @Override
    public double trainingStep(double[] params, double[] state, double[] targets, double alphaDt, double betaDt,
            PinSet pins, Workspace workspace) {
        Tile tile = workspace.tile();
        double[][] gradient = workspace.gradient();
        for (LayerSpan l : spans) {
            for (int i = 0; i < l.rows(); i++) {
                java.util.Arrays.fill(gradient[l.residual() + i], 0.0);
            }
        }
        double largest = 0;
        for (int k = 0; k < tile.count(); k++) {
            loaded(params, state, tile, k, inputsFree(pins));
            output.tileTargetForces(tile, targets);
            addSoftForces(pins, tile, layout.linearEnd());
            kernel.tileGradient(gradient, tile);
            largest = Math.max(largest, tile.advance(state, alphaDt, pins.freeRuns(), layout.linearEnd()));
        }
        for (LayerSpan l : spans) {
            for (int i = 0; i < l.rows(); i++) {
                double[] g = gradient[l.residual() + i];
                for (int j = 0; j < l.cols(); j++) {
                    params[l.weights() + i * l.cols() + j] -= betaDt * g[j];
                }
                params[l.biases() + i] -= betaDt * g[l.cols()];
            }
        }
        return alphaDt * largest;
    }

    /** {@code tile} made tile {@code k} of the batch, loaded from {@code state}, with its edges run. */
    private void loaded(double[] params, double[] state, Tile tile, int k, boolean inputForces) {
        tile.load(state, k);
        kernel.tileEdges(params, tile, inputForces);
    }

    /** Whether {@code pins} leave some coordinate of {@code x} free, so that a step needs the forces on it. */
    private boolean inputsFree(PinSet pins) {
        int[] runs = pins.freeRuns();
        return runs.length > 0 && runs[0] < layout.architecture().inputs();
    }

    /** Adds the force {@code -gamma (v - t)} of every soft pin below coordinate {@code end} to the tile's forces. */
    private static void addSoftForces(PinSet pins, Tile tile, int end) {
        for (int k = 0; k < pins.softCount(); k++) {
            int index = pins.softIndex(k);
            if (index < end) {
                double gamma = pins.softStrength(k);
                double[] f = tile.force()[index];
                double[] v = tile.state()[index];
                for (int s = 0; s < tile.width(); s++) {
                    f[s] -= gamma * (v[s] - pins.softTarget(k, tile.first() + s));
                }
            }
        }
    }
}
