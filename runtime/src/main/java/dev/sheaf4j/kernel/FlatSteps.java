package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The {@link Routing.StepRoute#FLAT} strategy: steps on the flat {@code (coordinate, sample)}
 * arrays through the kernel's own primitives, for the small batches where copying into tiles does
 * not pay.
 */
final class FlatSteps implements StepStrategy {
    private final AbstractSheafKernel kernel;
    private final SheafLayout layout;
    private final OutputEdge output;

    FlatSteps(AbstractSheafKernel kernel, OutputEdge output) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        this.output = output;
    }

    @Override
    public void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out) {
        int batch = workspace.batch();
        double[] d = workspace.discrepancy();
        kernel.linearDiscrepancies(params, state, batch, d);
        output.discrepancy(state, batch, d);
        kernel.linearForces(params, state, batch, d, out);
        output.forces(state, mode, workspace, d, out);
    }

    @Override
    public double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        double[] f = workspace.force();
        forces(params, state, mode, workspace, f);
        pins.addSoftForces(state, f);
        return advance(state, f, alphaDt, pins, layout.stateSize(), workspace.batch());
    }

    @Override
    public double trainingStep(double[] params, double[] state, double[] targets, double alphaDt, double betaDt,
            PinSet pins, Workspace workspace) {
        int batch = workspace.batch();
        double[] p = output.predictions(state, workspace);
        double[] d = workspace.discrepancy();
        double[] f = workspace.force();
        kernel.linearDiscrepancies(params, state, batch, d);
        kernel.linearForces(params, state, batch, d, f);
        int z = output.outputPre() * batch;
        for (int i = 0; i < p.length; i++) {
            f[z + i] -= p[i] - targets[i];
        }
        pins.addSoftForces(state, f);
        kernel.descendWeights(params, state, batch, d, betaDt);
        return advance(state, f, alphaDt, pins, layout.linearEnd(), batch);
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
