package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import java.util.List;

/**
 * The weight and activation edges of every layer, for any architecture, on a batch held in
 * {@link RowBuffers}, through the shared {@link RowLoops}: what {@link RowSteps} runs.
 */
final class RowPass {
    private final List<LayerSpan> spans;
    private final int inputs;

    RowPass(SheafLayout layout) {
        this.spans = LayerSpan.of(layout);
        this.inputs = layout.architecture().inputs();
    }

    /**
     * {@code r_l} and {@code s_l} of every layer into {@code rows.discrepancy()}, from
     * {@code rows.state()}, and the forces of the weight and activation edges on {@code x .. z_(k+1)}
     * into {@code rows.force()}, the activation edges' in the pass that computes their residuals.
     */
    void edges(double[] params, RowBuffers rows) {
        int batch = rows.batch();
        double[][] state = rows.state();
        double[][] discrepancy = rows.discrepancy();
        double[][] force = rows.force();
        for (int j = 0; j < inputs; j++) {
            Arrays.fill(force[j], 0.0);
        }
        for (LayerSpan l : spans) {
            RowLoops.residual(params, l.weights(), l.biases(), l.rows(), l.cols(), state, l.input(), state, l.pre(),
                    discrepancy, l.residual(), batch);
            if (l.hidden()) {
                RowLoops.activationEdges(state, l.pre(), l.post(), discrepancy, l.residual(), l.activationResidual(),
                        force, l.rows(), l.slope(), batch);
            } else {
                for (int i = 0; i < l.rows(); i++) {
                    System.arraycopy(discrepancy[l.residual() + i], 0, force[l.pre() + i], 0, batch);
                }
            }
            RowLoops.pullBack(params, l.weights(), l.rows(), l.cols(), discrepancy, l.residual(), force, l.input(),
                    batch);
        }
    }

    /** The weight step of every layer from {@code rows.discrepancy()} and the old {@code rows.state()}. */
    void descend(double[] params, RowBuffers rows, double betaDt) {
        for (LayerSpan l : spans) {
            RowLoops.descend(params, l.weights(), l.biases(), l.rows(), l.cols(), rows.discrepancy(), l.residual(),
                    rows.state(), l.input(), rows.ones(), rows.sums(), rows.batch(), betaDt);
        }
    }
}
