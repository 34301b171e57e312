package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The {@link Routing.StepRoute#ROWS} strategy: the stalks copied into one array per coordinate,
 * the edges run on them by {@link RowPass}, and the moved rows copied back; the same arithmetic in
 * the same order as on the flat arrays, with every loop over the samples of one row, which the JIT
 * vectorises.
 */
final class RowSteps implements StepStrategy {
    private final SheafLayout layout;
    private final Architecture architecture;
    private final RowPass edges;
    private final OutputEdge output;

    RowSteps(SheafLayout layout, OutputEdge output) {
        this.layout = layout;
        this.architecture = layout.architecture();
        this.edges = new RowPass(layout);
        this.output = output;
    }

    @Override
    public void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out) {
        RowBuffers rows = loaded(params, state, workspace);
        rows.store(rows.force(), 0, layout.linearEnd(), out);
        double[] d = workspace.discrepancy();
        output.discrepancy(state, workspace.batch(), d);
        output.forces(state, mode, workspace, d, out);
    }

    @Override
    public double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        RowBuffers rows = loaded(params, state, workspace);
        if (output.present()) {
            int z = output.outputPre();
            double[] f = workspace.force();
            double[] d = workspace.discrepancy();
            rows.store(rows.force(), z, z + architecture.outputs(), f);
            output.discrepancy(state, workspace.batch(), d);
            output.forces(state, mode, workspace, d, f);
            rows.load(f, rows.force(), z, layout.stateSize());
        }
        addSoftForces(pins, rows, layout.stateSize());
        return alphaDt * rows.advance(state, alphaDt, pins.freeRuns(), layout.stateSize());
    }

    @Override
    public double trainingStep(double[] params, double[] state, double[] targets, double alphaDt, double betaDt,
            PinSet pins, Workspace workspace) {
        int batch = workspace.batch();
        double[] p = output.predictions(state, workspace);
        RowBuffers rows = loaded(params, state, workspace);
        int z = output.outputPre();
        for (int i = 0; i < architecture.outputs(); i++) {
            double[] f = rows.force()[z + i];
            for (int s = 0; s < batch; s++) {
                f[s] -= p[i * batch + s] - targets[i * batch + s];
            }
        }
        addSoftForces(pins, rows, layout.linearEnd());
        edges.descend(params, rows, betaDt);
        return alphaDt * rows.advance(state, alphaDt, pins.freeRuns(), layout.linearEnd());
    }

    /** The workspace's rows with the stalks of {@code state} and the edges' discrepancies and forces. */
    private RowBuffers loaded(double[] params, double[] state, Workspace workspace) {
        RowBuffers rows = workspace.rows();
        rows.load(state, rows.state(), 0, layout.stateSize());
        edges.edges(params, rows);
        return rows;
    }

    /** Adds the force {@code -gamma (v - t)} of every soft pin below coordinate {@code end} to the force rows. */
    private static void addSoftForces(PinSet pins, RowBuffers rows, int end) {
        for (int k = 0; k < pins.softCount(); k++) {
            int index = pins.softIndex(k);
            if (index < end) {
                double gamma = pins.softStrength(k);
                double[] f = rows.force()[index];
                double[] v = rows.state()[index];
                for (int s = 0; s < rows.batch(); s++) {
                    f[s] -= gamma * (v[s] - pins.softTarget(k, s));
                }
            }
        }
    }
}
