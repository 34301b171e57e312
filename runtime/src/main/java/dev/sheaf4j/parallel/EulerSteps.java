package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.sheaf.Pins;

/**
 * Forward-Euler steps of the heat equation on a batch cut into shares of contiguous
 * samples. Samples do not interact in a step, so the stalks are bit for bit those of one thread.
 * Close it when done.
 */
public final class EulerSteps extends SplitSteps {
    private double[] stepParams;
    private double[] stepState;
    private double stepAlphaDt;
    private OutputEdgeMode stepMode;

    /**
     * Steps for {@code batch} samples of {@code kernel}'s sheaf cut as {@code plan} says (at most one
     * share per sample); {@code pins} must hold one value for all samples.
     */
    public EulerSteps(SheafKernel kernel, int batch, ThreadPolicy.Split plan, Pins pins) {
        super("sheaf4j-euler", kernel, batch, plan, pins);
    }

    /** Copies the batch's stalks into the threads' buffers, where steps keep them until {@link #unload}. */
    public void load(double[] state) {
        split.load(state);
    }

    /**
     * One Euler step of every sample as {@link SheafKernel#eulerStep} takes it; returns the largest
     * absolute change of a free coordinate (NaN if the state became non-finite). {@code state} is
     * read and written only when the stalks are not loaded.
     */
    public double step(double[] params, double[] state, double alphaDt, OutputEdgeMode mode) {
        stepParams = params;
        stepState = state;
        stepAlphaDt = alphaDt;
        stepMode = mode;
        return stepShares();
    }

    @Override
    void stepShare(int t) {
        BatchSplit.Share s = split.share(t);
        split.enter(t, stepState);
        change[t] = kernel.eulerStep(stepParams, s.state, stepAlphaDt, stepMode, s.pins, s.workspace);
        split.leave(t, stepState);
    }
}
