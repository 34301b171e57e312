package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * The tile primitives of {@link AbstractSheafKernel} for any architecture: every layer's edges on a
 * {@link Tile} through the shared {@link TileLoops}, with the layer's sizes and offsets read from its
 * {@link LayerSpan} at run time.
 */
public final class TilePass {
    private final List<LayerSpan> spans;
    private final int inputs;

    /** The pass of {@code layout}'s sheaf. */
    public TilePass(SheafLayout layout) {
        this.spans = LayerSpan.of(layout);
        this.inputs = layout.architecture().inputs();
    }

    /**
     * {@code r_l} and {@code s_l} of every layer into {@code tile.discrepancy()}, from
     * {@code tile.state()}, and the forces of the weight and activation edges on {@code x .. z_(k+1)}
     * into {@code tile.force()}, the activation edges' in the pass that computes their residuals; on
     * {@code x} only if {@code inputForces}.
     */
    public void edges(double[] params, Tile tile, boolean inputForces) {
        int width = tile.width();
        double[][] state = tile.state();
        double[][] d = tile.discrepancy();
        double[][] force = tile.force();
        for (LayerSpan l : spans) {
            TileLoops.residual(params, l.weights(), l.biases(), l.rows(), l.cols(), state, l.input(), state, l.pre(),
                    d, l.residual(), width);
            if (l.hidden()) {
                TileLoops.activationEdges(state, l.pre(), l.post(), d, l.residual(), l.activationResidual(), force,
                        l.rows(), l.slope(), width);
            } else {
                TileLoops.copyRows(d, l.residual(), force, l.pre(), l.rows(), width);
            }
            if (l.layer() > 1) {
                TileLoops.pullBack(params, l.weights(), l.rows(), l.cols(), d, l.residual(), force, l.input(), width);
            } else if (inputForces) {
                TileLoops.clearRows(force, 0, inputs, width);
                TileLoops.pullBack(params, l.weights(), l.rows(), l.cols(), d, l.residual(), force, l.input(), width);
            }
        }
    }

    /** Adds every layer's weight gradient over the tile's samples to {@code gradient}, a row per residual. */
    public void gradient(double[][] gradient, Tile tile) {
        for (LayerSpan l : spans) {
            TileLoops.addGradient(gradient, l.rows(), l.cols(), tile.discrepancy(), l.residual(), tile.state(),
                    l.input(), tile);
        }
    }
}
