package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The primitives of the weight and activation edges (discrepancies and forces, weight descent)
 * for any architecture on a batch in {@link RowBuffers}: what {@link AbstractSheafKernel} runs for
 * the hot steps from {@link Workspace#ROW_BATCH} samples on, whatever the concrete kernel.
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
     * {@code r_l} and {@code s_l} of every layer into {@code rows.discrepancy}, from {@code rows.state},
     * and the forces of the weight and activation edges on {@code x .. z_(k+1)} into {@code rows.force},
     * the activation edges' in the pass that computes their residuals.
     */
    void edges(double[] params, RowBuffers rows, int batch) {
        double[][] force = rows.force;
        for (int j = 0; j < inputs; j++) {
            java.util.Arrays.fill(force[j], 0.0);
        }
        for (int l = 1; l <= arch.layers(); l++) {
            int z = layout.preOffset(l);
            RowLoops.residual(params, arch.weightOffset(l), arch.biasOffset(l), arch.width(l), arch.width(l - 1),
                    rows.state, layout.postOffset(l - 1), rows.state, z, rows.discrepancy, z - inputs, batch);
            if (l < arch.layers()) {
                int a = layout.postOffset(l);
                RowLoops.activationEdges(rows.state, z, a, rows.discrepancy, z - inputs, a - inputs, force,
                        arch.width(l), arch.slope(l), batch);
            } else {
                for (int i = 0; i < arch.width(l); i++) {
                    System.arraycopy(rows.discrepancy[z - inputs + i], 0, force[z + i], 0, batch);
                }
            }
            RowLoops.pullBack(params, arch.weightOffset(l), arch.width(l), arch.width(l - 1), rows.discrepancy,
                    z - inputs, force, layout.postOffset(l - 1), batch);
        }
    }

    /** The weight step of every layer from {@code rows.discrepancy} and the old {@code rows.state}. */
    void descend(double[] params, RowBuffers rows, int batch, double betaDt) {
        for (int l = 1; l <= arch.layers(); l++) {
            RowLoops.descend(params, arch.weightOffset(l), arch.biasOffset(l), arch.width(l), arch.width(l - 1),
                    rows.discrepancy, layout.preOffset(l) - inputs, rows.state, layout.postOffset(l - 1), rows.ones,
                    rows.sums, batch, betaDt);
        }
    }
}
