package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Objects;

/**
 * The part of a {@link SheafKernel} that is the same for every architecture: the output edge, pins,
 * the Euler and training updates. A concrete kernel supplies the forward pass and the three
 * primitives of the weight and activation edges: their discrepancies, their forces, and the weight
 * descent step. From {@link Workspace#ROW_BATCH} samples on, forces, Euler and training steps run
 * the same arithmetic on one array per coordinate instead ({@link RowLoops}), whatever the concrete
 * kernel, since the JIT vectorises those loops and not the flat ones.
 */
public abstract class AbstractSheafKernel implements SheafKernel {
    private final SheafLayout layout;
    private final Architecture architecture;
    private final RowPass rowPass;

    /** A kernel for {@code layout}'s sheaf. */
    protected AbstractSheafKernel(SheafLayout layout) {
        this(layout, true);
    }

    /**
     * A kernel for {@code layout}'s sheaf that, unless {@code rowLoops}, runs its own primitives at
     * every batch size and never the shared row loops: for baselines timed against those loops.
     */
    protected AbstractSheafKernel(SheafLayout layout, boolean rowLoops) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.architecture = layout.architecture();
        this.rowPass = rowLoops ? new RowPass(layout) : null;
    }

    /** Whether this step runs on rows: a row-loop kernel on a batch of at least {@link Workspace#ROW_BATCH}. */
    private boolean onRows(Workspace workspace) {
        return rowPass != null && workspace.usesRows();
    }

    @Override
    public final SheafLayout layout() {
        return layout;
    }

    /** Writes {@code r_l} and {@code s_l} of every weight and activation edge into {@code out}. */
    protected abstract void linearDiscrepancies(double[] params, double[] state, int batch, double[] out);

    /**
     * Writes minus the gradient of the weight and activation edges' energy, given their
     * discrepancies {@code d}, into {@code out} at every coordinate from {@code x} to
     * {@code z_(k+1)} ({@code a_out}, if present, is left alone). Like {@link #descendWeights}, called
     * only for batches below {@link Workspace#ROW_BATCH} unless the kernel opts out of the row loops.
     */
    protected abstract void linearForces(double[] params, double[] state, int batch, double[] d, double[] out);

    /** {@code W_l -= betaDt sum_s r_l a_(l-1)^T} and {@code b_l -= betaDt sum_s r_l}, given the discrepancies {@code d}. */
    protected abstract void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt);

    @Override
    public final void discrepancies(double[] params, double[] state, int batch, double[] out) {
        linearDiscrepancies(params, state, batch, out);
        outputDiscrepancy(state, batch, out);
    }

    /** The output edge's discrepancy {@code phi(z_(k+1)) - a_out} into {@code out}, if there is an {@code a_out}. */
    private void outputDiscrepancy(double[] state, int batch, double[] out) {
        if (architecture.hasOutputVertex()) {
            int a = layout.outputVertexOffset() * batch;
            int o = a - architecture.inputs() * batch;
            int n = architecture.outputs();
            OutputMap.apply(architecture.head(), state, layout.preOffset(layout.layers()) * batch, out, o, n, batch);
            for (int i = 0; i < n * batch; i++) {
                out[o + i] -= state[a + i];
            }
        }
    }

    @Override
    public final void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace,
            double[] out) {
        int batch = workspace.batch();
        double[] d = workspace.discrepancy();
        if (onRows(workspace)) {
            RowBuffers rows = workspace.rows();
            rows.load(state, rows.state, 0, rows.state.length);
            rowPass.edges(params, rows, batch);
            rows.store(rows.force, 0, layout.linearEnd(), out);
            outputDiscrepancy(state, batch, d);
        } else {
            discrepancies(params, state, batch, d);
            linearForces(params, state, batch, d, out);
        }
        outputEdgeForces(state, mode, workspace, d, out);
    }

    /**
     * The output edge's forces, given its discrepancy in {@code d}: on {@code a_out} the residual, on
     * {@code z_(k+1)} its pull as {@code mode} says. Nothing without an {@code a_out}.
     */
    private void outputEdgeForces(double[] state, OutputEdgeMode mode, Workspace workspace, double[] d, double[] out) {
        if (!architecture.hasOutputVertex()) {
            return;
        }
        int batch = workspace.batch();
        int a = layout.outputVertexOffset() * batch;
        int o = a - architecture.inputs() * batch;
        int z = layout.preOffset(layout.layers()) * batch;
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

    @Override
    public final double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        double[] f = workspace.force();
        if (!onRows(workspace)) {
            forces(params, state, mode, workspace, f);
            pins.addSoftForces(state, f);
            return advance(state, f, alphaDt, pins, layout.stateSize(), workspace.batch());
        }
        int batch = workspace.batch();
        RowBuffers rows = workspace.rows();
        rows.load(state, rows.state, 0, rows.state.length);
        rowPass.edges(params, rows, batch);
        if (architecture.hasOutputVertex()) {
            int z = layout.preOffset(layout.layers());
            double[] d = workspace.discrepancy();
            rows.store(rows.force, z, z + architecture.outputs(), f);
            outputDiscrepancy(state, batch, d);
            outputEdgeForces(state, mode, workspace, d, f);
            rows.load(f, rows.force, z, layout.stateSize());
        }
        addSoftForces(pins, rows, layout.stateSize(), batch);
        return alphaDt * rows.advance(state, alphaDt, pins.freeRuns(), layout.stateSize());
    }

    @Override
    public final double trainingStep(double[] params, double[] state, double[] targets, double alphaDt,
            double betaDt, PinSet pins, Workspace workspace) {
        int batch = workspace.batch();
        double[] p = workspace.outputValues();
        OutputMap.apply(architecture.head(), state, layout.preOffset(layout.layers()) * batch, p, 0,
                architecture.outputs(), batch);
        if (onRows(workspace)) {
            return trainingStepOnRows(params, state, targets, p, alphaDt, betaDt, pins, workspace.rows(), batch);
        }
        double[] d = workspace.discrepancy();
        double[] f = workspace.force();
        linearDiscrepancies(params, state, batch, d);
        linearForces(params, state, batch, d, f);
        int z = layout.preOffset(layout.layers()) * batch;
        int n = architecture.outputs() * batch;
        for (int i = 0; i < n; i++) {
            f[z + i] -= p[i] - targets[i];
        }
        pins.addSoftForces(state, f);
        descendWeights(params, state, batch, d, betaDt);
        return advance(state, f, alphaDt, pins, layout.linearEnd(), batch);
    }

    /** Adds the force {@code -gamma (v - t)} of every soft pin below coordinate {@code end} to the force rows. */
    private static void addSoftForces(PinSet pins, RowBuffers rows, int end, int batch) {
        for (int k = 0; k < pins.softCount(); k++) {
            int index = pins.softIndex(k);
            if (index < end) {
                double gamma = pins.softStrength(k);
                double[] f = rows.force[index];
                double[] v = rows.state[index];
                for (int s = 0; s < batch; s++) {
                    f[s] -= gamma * (v[s] - pins.softTarget(k, s));
                }
            }
        }
    }

    /**
     * The training step with the stalks copied into {@code rows}: the same arithmetic in the same
     * order as on the flat arrays, with every loop over the samples of one row.
     */
    private double trainingStepOnRows(double[] params, double[] state, double[] targets, double[] p, double alphaDt,
            double betaDt, PinSet pins, RowBuffers rows, int batch) {
        rows.load(state, rows.state, 0, rows.state.length);
        rowPass.edges(params, rows, batch);
        int z = layout.preOffset(layout.layers());
        for (int i = 0; i < architecture.outputs(); i++) {
            double[] f = rows.force[z + i];
            for (int s = 0; s < batch; s++) {
                f[s] -= p[i * batch + s] - targets[i * batch + s];
            }
        }
        addSoftForces(pins, rows, layout.linearEnd(), batch);
        rowPass.descend(params, rows, batch, betaDt);
        return alphaDt * rows.advance(state, alphaDt, pins.freeRuns(), layout.linearEnd());
    }

    /**
     * {@code v += alphaDt f} on the free coordinates below {@code end}; returns the largest change,
     * {@code alphaDt max |f|} (rounding is monotone, so this equals the largest rounded step).
     */
    private static double advance(double[] state, double[] f, double alphaDt, PinSet pins, int end, int batch) {
        int[] runs = pins.freeRuns();
        double largest = 0;
        for (int k = 0; k < runs.length; k += 2) {
            int from = runs[k] * batch;
            int to = Math.min(runs[k + 1], end) * batch;
            for (int i = from; i < to; i++) {
                state[i] += alphaDt * f[i];
            }
            largest = Math.max(largest, LayerLoops.largestMagnitude(f, from, to));
        }
        return alphaDt * largest;
    }
}
