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

    /**
     * The edge's forces on one tile, as {@link #forces} on the flat arrays: {@code o} on the
     * {@code a_out} rows, its pull as {@code mode} says on the {@code z_(k+1)} rows. Nothing without
     * an {@code a_out}.
     */
    void tileForces(Tile tile, OutputEdgeMode mode) {
        if (!present()) {
            return;
        }
        int n = architecture.outputs();
        int width = tile.width();
        int z = outputPre();
        int a = layout.outputVertexOffset();
        double[] p = tilePredictions(tile);
        double[] o = tile.outputResidual();
        double[][] force = tile.force();
        for (int i = 0; i < n; i++) {
            double[] ai = tile.state()[a + i];
            double[] fa = force[a + i];
            for (int s = 0; s < width; s++) {
                double r = p[i * width + s] - ai[s];
                o[i * width + s] = r;
                fa[s] = r;
            }
        }
        double[] fz = tile.outputPre();
        tile.gather(force, z, n, fz);
        if (mode == OutputEdgeMode.JACOBIAN) {
            OutputMap.subtractJacobianTranspose(architecture.head(), p, o, 0, fz, 0, n, width);
        } else {
            for (int i = 0; i < n * width; i++) {
                fz[i] -= o[i];
            }
        }
        scatter(fz, force, z, n, width);
    }

    /** The training target's pull {@code -(phi(z_(k+1)) - y)} added to the tile's {@code z_(k+1)} forces. */
    void tileTargetForces(Tile tile, double[] targets) {
        int n = architecture.outputs();
        int width = tile.width();
        double[] p = tilePredictions(tile);
        for (int i = 0; i < n; i++) {
            double[] f = tile.force()[outputPre() + i];
            int y = i * tile.batch() + tile.first();
            for (int s = 0; s < width; s++) {
                f[s] -= p[i * width + s] - targets[y + s];
            }
        }
    }

    /** {@code phi(z_(k+1))} of the tile's samples into the tile's flat output values, which it returns. */
    private double[] tilePredictions(Tile tile) {
        double[] z = tile.outputPre();
        double[] p = tile.outputValues();
        tile.gather(tile.state(), outputPre(), architecture.outputs(), z);
        OutputMap.apply(architecture.head(), z, 0, p, 0, architecture.outputs(), tile.width());
        return p;
    }

    /** Copies the flat {@code (row, sample)} {@code values} into {@code count} rows from row {@code from}. */
    private static void scatter(double[] values, double[][] rows, int from, int count, int width) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(values, i * width, rows[from + i], 0, width);
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
