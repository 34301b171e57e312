package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.PinSet;

/**
 * How a kernel runs its forces, Euler and training steps on one route of the {@link Routing}
 * table: {@link FlatSteps} or {@link TileSteps}. The operations are those of {@link SheafKernel}.
 */
interface StepStrategy {
    void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out);

    double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace);

    double trainingStep(double[] params, double[] state, double[] targets, double alphaDt, double betaDt, PinSet pins,
            Workspace workspace);
}
