package dev.sheaf4j.train;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * One weight step of the joint dynamics under a {@link JointSchedule} other than the paper's: the
 * batch's stalks optionally restarted from the forward pass, {@code stalkSteps - 1} kernel steps
 * moving the stalks alone, then one joint kernel step whose weight move is optionally scaled per
 * layer (and per projection). Every step is the kernel's {@code trainingStep}; only its rates and what is kept of the
 * weights' move are chosen here.
 */
final class ScheduledJointStep {
    private final SheafKernel kernel;
    private final SheafLayout layout;
    private final JointSchedule schedule;
    private final PinSet pins;
    private final Workspace workspace;
    private final double[] moved;
    private final List<WeightBlocks> blocks;
    private final double[] scales;

    ScheduledJointStep(SheafKernel kernel, JointSchedule schedule, PinSet pins, Workspace workspace) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        Architecture arch = layout.architecture();
        this.schedule = schedule;
        this.pins = pins;
        this.workspace = workspace;
        this.moved = new double[arch.parameterCount()];
        this.blocks = WeightBlocks.of(arch);
        this.scales = new double[blocks.size()];
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
        for (int k = 0; k < blocks.size(); k++) {
            scales[k] = blocks.get(k).scale(layout, state, n);
        }
        System.arraycopy(params, 0, moved, 0, params.length);
        change = Math.max(change, kernel.trainingStep(moved, state, targets, alphaDt, betaDt, pins, workspace));
        for (int k = 0; k < blocks.size(); k++) {
            for (int i = blocks.get(k).from(); i < blocks.get(k).to(); i++) {
                params[i] -= scales[k] * (params[i] - moved[i]);
            }
        }
        return change;
    }
}
