package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The output edge {@code phi(z_(k+1)) - a_out} of one sheaf on flat {@code (coordinate, sample)}
 * arrays: its discrepancy, its forces, and the training target's pull, for every step strategy.
 */
final class OutputEdge {
    private final SheafLayout layout;
    private final Architecture architecture;

    OutputEdge(SheafLayout layout) {
        this.layout = layout;
        this.architecture = layout.architecture();
    }

    /** Whether the sheaf has an {@code a_out} stalk, hence this edge. */
    boolean present() {
        return architecture.hasOutputVertex();
    }

    /** The coordinate of {@code z_(k+1)}. */
    int outputPre() {
        return layout.preOffset(layout.layers());
    }

    /** The discrepancy {@code phi(z_(k+1)) - a_out} into {@code out}, if there is an {@code a_out}. */
    void discrepancy(double[] state, int batch, double[] out) {
        if (present()) {
            int a = layout.outputVertexOffset() * batch;
            int o = a - architecture.inputs() * batch;
            int n = architecture.outputs();
            OutputMap.apply(architecture.head(), state, outputPre() * batch, out, o, n, batch);
            for (int i = 0; i < n * batch; i++) {
                out[o + i] -= state[a + i];
            }
        }
    }

    /**
     * The edge's forces, given its discrepancy in {@code d}: on {@code a_out} the residual, on
     * {@code z_(k+1)} its pull as {@code mode} says. Nothing without an {@code a_out}.
     */
    void forces(double[] state, OutputEdgeMode mode, Workspace workspace, double[] d, double[] out) {
        if (!present()) {
            return;
        }
        int batch = workspace.batch();
        int a = layout.outputVertexOffset() * batch;
        int o = a - architecture.inputs() * batch;
        int z = outputPre() * batch;
        int n = architecture.outputs();
        System.arraycopy(d, o, out, a, n * batch);
        if (mode == OutputEdgeMode.JACOBIAN) {
            double[] p = workspace.outputValues();
            OutputMap.apply(architecture.head(), state, z, p, 0, n, batch);
            OutputMap.subtractJacobianTranspose(architecture.head(), p, d, o, out, z, n, batch);
        } else {
            for (int i = 0; i < n * batch; i++) {
                out[z + i] -= d[o + i];
            }
        }
    }

    /** {@code phi(z_(k+1))} into the workspace's output values, which it returns. */
    double[] predictions(double[] state, Workspace workspace) {
        int batch = workspace.batch();
        double[] p = workspace.outputValues();
        OutputMap.apply(architecture.head(), state, outputPre() * batch, p, 0, architecture.outputs(), batch);
        return p;
    }
}
