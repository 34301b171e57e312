package dev.sheaf4j.parallel;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.sheaf.Pins;

/**
 * A kernel's steps on a batch split over a crew of threads, each thread stepping its own share of
 * the samples: what {@link EulerSteps} and {@link TrainingSteps} have in common. Close it when done.
 */
public abstract sealed class SplitSteps implements AutoCloseable permits EulerSteps, TrainingSteps {
    final SheafKernel kernel;
    final BatchSplit split;
    /** Each share's largest stalk change in the current step. */
    final double[] change;
    private final Crew crew;

    SplitSteps(String name, SheafKernel kernel, int batch, int threads, Pins pins) {
        this.kernel = kernel;
        this.split = new BatchSplit(kernel, batch, threads, pins);
        this.change = new double[split.count()];
        this.crew = new Crew(name, split.count(), this::stepShare);
    }

    /** The number of threads the steps run on (at most one per sample). */
    public int threads() {
        return crew.size();
    }

    /** Copies the threads' stalks back into {@code state}; steps copy their samples in and out again. */
    public void unload(double[] state) {
        split.unload(state);
    }

    /** Steps every share, each on its thread; returns the largest stalk change (NaN if any is NaN). */
    final double stepShares() {
        runShares();
        return BatchSplit.largest(change);
    }

    /** Runs {@link #stepShare} for every share, each on its thread, and returns when all are done. */
    final void runShares() {
        crew.run();
    }

    /** Share {@code t}'s part of the current step, on its thread; a step of the share sets {@code change[t]}. */
    abstract void stepShare(int t);

    @Override
    public void close() {
        crew.close();
    }
}
