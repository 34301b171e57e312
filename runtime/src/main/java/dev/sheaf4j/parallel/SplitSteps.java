package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.sheaf.Pins;

/**
 * A kernel's steps on a batch cut into shares of samples, stepped by a crew of threads (each thread
 * steps the shares it claims): what {@link EulerSteps} and {@link TrainingSteps} have in common. The
 * results depend on the number of shares only, never on the number of threads. Close it when done.
 */
public abstract sealed class SplitSteps implements AutoCloseable permits EulerSteps, TrainingSteps {
    final SheafKernel kernel;
    final BatchSplit split;
    /** Each share's largest stalk change in the current step. */
    final double[] change;
    private final Crew crew;

    SplitSteps(String name, SheafKernel kernel, int batch, ThreadPolicy.Split plan, Pins pins) {
        this.kernel = kernel;
        this.split = new BatchSplit(kernel, batch, plan.shares(), pins);
        this.change = new double[this.split.count()];
        this.crew = new Crew(name, Math.min(plan.threads(), this.split.count()), this.split.count(),
                this::stepShare);
    }

    /** The number of shares the batch is cut into (at most one per sample). */
    public int shares() {
        return split.count();
    }

    /** The number of threads the steps run on (at most one per share). */
    public int threads() {
        return crew.size();
    }

    /** Copies the threads' stalks back into {@code state}; steps copy their samples in and out again. */
    public void unload(double[] state) {
        split.unload(state);
    }

    /** Steps every share on the crew; returns the largest stalk change (NaN if any is NaN). */
    final double stepShares() {
        runShares();
        return BatchSplit.largest(change);
    }

    /** Runs {@link #stepShare} for every share on the crew and returns when all are done. */
    final void runShares() {
        crew.run();
    }

    /** Share {@code t}'s part of the current step, on the thread that claimed it; a step of the share sets {@code change[t]}. */
    abstract void stepShare(int t);

    @Override
    public void close() {
        crew.close();
    }
}
