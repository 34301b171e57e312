package dev.sheaf4j.train;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * One weight step of the joint dynamics under a {@link JointSchedule} other than the paper's: the
 * batch's stalks optionally restarted from the forward pass, {@code stalkSteps - 1} kernel steps
 * moving the stalks alone, then one joint kernel step whose weight move is optionally scaled per
 * layer. Every step is the kernel's {@code trainingStep}; only its rates and what is kept of the
 * weights' move are chosen here.
 */
final class ScheduledJointStep {
    private final SheafKernel kernel;
    private final SheafLayout layout;
    private final Architecture arch;
    private final JointSchedule schedule;
    private final PinSet pins;
    private final Workspace workspace;
    private final double[] moved;
    private final double[] scales;

    ScheduledJointStep(SheafKernel kernel, JointSchedule schedule, PinSet pins, Workspace workspace) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        this.arch = layout.architecture();
        this.schedule = schedule;
        this.pins = pins;
        this.workspace = workspace;
        this.moved = new double[arch.parameterCount()];
        this.scales = new double[arch.layers() + 1];
    }

    /** Takes the step on the batch in {@code state}; returns the largest stalk change of a kernel step (NaN if any). */
    double take(double[] params, double[] state, double[] targets, double alphaDt, double betaDt) {
        int n = workspace.batch();
        if (schedule.forwardPassEachStep()) {
            kernel.forward(params, state, n);
            pins.applyHard(state);
        }
        double change = 0;
        for (int k = 1; k < schedule.stalkSteps(); k++) {
            change = Math.max(change, kernel.trainingStep(params, state, targets, alphaDt, 0.0, pins, workspace));
        }
        if (!schedule.layerScaled()) {
            return Math.max(change, kernel.trainingStep(params, state, targets, alphaDt, betaDt, pins, workspace));
        }
        for (int l = 1; l <= arch.layers(); l++) {
            scales[l] = LocalWeightStep.layerScale(layout, state, l, n);
        }
        System.arraycopy(params, 0, moved, 0, params.length);
        change = Math.max(change, kernel.trainingStep(moved, state, targets, alphaDt, betaDt, pins, workspace));
        for (int l = 1; l <= arch.layers(); l++) {
            for (int i = arch.weightOffset(l); i < arch.biasOffset(l) + arch.width(l); i++) {
                params[i] -= scales[l] * (params[i] - moved[i]);
            }
        }
        return change;
    }
}
