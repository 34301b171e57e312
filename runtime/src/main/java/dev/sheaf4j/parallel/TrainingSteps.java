package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.sheaf.Pins;

/**
 * Joint training steps on a batch cut into shares of contiguous samples. Each share runs the
 * kernel's step on its samples against its own copy of the old weights; the weight changes are then
 * added to the weights share by share in a fixed order (the threads adding up slices of the weights
 * when {@link ThreadPolicy} finds the sum worth splitting), so a run is deterministic for a given
 * number of shares, whatever the threads, and differs from one share's only by the rounding of that
 * sum. Close it when done.
 */
public final class TrainingSteps extends SplitSteps {
    private final double[][] targets;
    private final double[][] params;
    private double[] stepParams;
    private double[] stepState;
    private double[] stepTargets;
    private double stepAlphaDt;
    private double stepBetaDt;
    /** Whether the weight changes are added up on every thread, a slice of the weights each. */
    private final boolean splitSum;
    /** Whether the current run of the shares adds up the weight changes rather than stepping. */
    private boolean summing;

    /**
     * Steps for {@code batch} samples of {@code kernel}'s sheaf cut as {@code plan} says (at most one
     * share per sample); {@code pins} must hold one value for all samples.
     */
    public TrainingSteps(SheafKernel kernel, int batch, ThreadPolicy.Split plan, Pins pins) {
        super("sheaf4j-training", kernel, batch, plan, pins);
        int outputs = kernel.layout().architecture().outputs();
        int parameters = kernel.layout().architecture().parameterCount();
        this.targets = new double[split.count()][];
        this.params = new double[split.count()][];
        this.splitSum = ThreadPolicy.threads((long) parameters * split.count(), split.count()) > 1;
        for (int t = 0; t < split.count(); t++) {
            targets[t] = new double[outputs * split.share(t).size];
            params[t] = new double[parameters];
        }
    }

    /** Copies the batch's stalks and targets into the threads' buffers, where steps keep them until {@link #unload}. */
    public void load(double[] state, double[] batchTargets) {
        split.load(state);
        for (int t = 0; t < split.count(); t++) {
            split.gather(batchTargets, targets[t], split.share(t));
        }
    }

    /**
     * One joint step of every sample and of {@code weights} as {@link SheafKernel#trainingStep} takes
     * it; returns the largest stalk change. {@code state} and {@code batchTargets} are read (and the
     * state written) only when the stalks are not loaded.
     */
    public double step(double[] weights, double[] state, double[] batchTargets, double alphaDt, double betaDt) {
        stepParams = weights;
        stepState = state;
        stepTargets = batchTargets;
        stepAlphaDt = alphaDt;
        stepBetaDt = betaDt;
        double largest = stepShares();
        if (splitSum) {
            summing = true;
            runShares();
            summing = false;
        } else {
            addChanges(0, weights.length);
        }
        return largest;
    }

    @Override
    void stepShare(int t) {
        if (summing) {
            long parameters = stepParams.length;
            addChanges((int) (parameters * t / split.count()), (int) (parameters * (t + 1) / split.count()));
            return;
        }
        BatchSplit.Share s = split.share(t);
        split.enter(t, stepState);
        if (!split.resident()) {
            split.gather(stepTargets, targets[t], s);
        }
        System.arraycopy(stepParams, 0, params[t], 0, stepParams.length);
        change[t] = kernel.trainingStep(params[t], s.state, targets[t], stepAlphaDt, stepBetaDt, s.pins, s.workspace);
        split.leave(t, stepState);
    }

    /** Adds the shares' changes of weights {@code from .. to - 1} to the weights, share by share in order. */
    private void addChanges(int from, int to) {
        for (int i = from; i < to; i++) {
            double old = stepParams[i];
            double sum = old;
            for (double[] p : params) {
                sum += p[i] - old;
            }
            stepParams[i] = sum;
        }
    }
}
