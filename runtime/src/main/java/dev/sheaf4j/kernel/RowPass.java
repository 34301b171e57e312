package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The weight and activation edges of every layer, for any architecture, on a batch held in
 * {@link RowBuffers}, through the shared {@link RowLoops}: what {@link RowSteps} runs.
 */
final class RowPass {
    private final SheafLayout layout;
    private final Architecture arch;
    private final int inputs;

    RowPass(SheafLayout layout) {
        this.layout = layout;
        this.arch = layout.architecture();
        this.inputs = arch.inputs();
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
            java.util.Arrays.fill(force[j], 0.0);
        }
        for (int l = 1; l <= arch.layers(); l++) {
            int z = layout.preOffset(l);
            RowLoops.residual(params, arch.weightOffset(l), arch.biasOffset(l), arch.width(l), arch.width(l - 1),
                    state, layout.postOffset(l - 1), state, z, discrepancy, z - inputs, batch);
            if (l < arch.layers()) {
                int a = layout.postOffset(l);
                RowLoops.activationEdges(state, z, a, discrepancy, z - inputs, a - inputs, force,
                        arch.width(l), arch.slope(l), batch);
            } else {
                for (int i = 0; i < arch.width(l); i++) {
                    System.arraycopy(discrepancy[z - inputs + i], 0, force[z + i], 0, batch);
                }
            }
            RowLoops.pullBack(params, arch.weightOffset(l), arch.width(l), arch.width(l - 1), discrepancy,
                    z - inputs, force, layout.postOffset(l - 1), batch);
        }
    }

    /** The weight step of every layer from {@code rows.discrepancy()} and the old {@code rows.state()}. */
    void descend(double[] params, RowBuffers rows, double betaDt) {
        int batch = rows.batch();
        for (int l = 1; l <= arch.layers(); l++) {
            RowLoops.descend(params, arch.weightOffset(l), arch.biasOffset(l), arch.width(l), arch.width(l - 1),
                    rows.discrepancy(), layout.preOffset(l) - inputs, rows.state(), layout.postOffset(l - 1),
                    rows.ones(), rows.sums(), batch, betaDt);
        }
    }
}
