package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;

/**
 * Opt-in schedule of the joint dynamics around each weight step; {@link #PAPER} is the paper's
 * (one joint step after another, stalks and weights together). {@code stalkSteps}: stalk steps per
 * weight step, the first {@code stalkSteps - 1} moving the stalks alone (weights held) so that they
 * come near their equilibrium before the weights move with the last. {@code forwardPassEachStep}: the
 * batch's stalks restart from the forward pass of the current weights before every weight step.
 * {@code layerScaled}: layer {@code l}'s weight rate {@code beta dt} is divided by
 * {@code 1 + mean_s |a_(l-1)|^2} of the batch, as in {@link NudgeSettings#layerScaled()}.
 */
public record JointSchedule(int stalkSteps, boolean forwardPassEachStep, boolean layerScaled) {
    /** The paper's joint dynamics: one stalk step per weight step, warm stalks, one weight rate. */
    public static final JointSchedule PAPER = new JointSchedule(1, false, false);

    public JointSchedule {
        Require.atLeastOne(stalkSteps, "stalk steps per weight step");
    }

    /** Whether this is the paper's schedule. */
    public boolean isPaper() {
        return equals(PAPER);
    }

    /** This schedule with {@code value} stalk steps per weight step. */
    public JointSchedule withStalkSteps(int value) {
        return new JointSchedule(value, forwardPassEachStep, layerScaled);
    }

    /** This schedule restarting the batch's stalks from the forward pass before each weight step, or not. */
    public JointSchedule withForwardPassEachStep(boolean value) {
        return new JointSchedule(stalkSteps, value, layerScaled);
    }

    /** This schedule with per-layer weight rates, or one rate. */
    public JointSchedule withLayerScaled(boolean value) {
        return new JointSchedule(stalkSteps, forwardPassEachStep, value);
    }
}
