package dev.sheaf4j.train;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Joint training steps split over threads by contiguous ranges of samples. Each thread runs the
 * kernel's step on its samples' stalks against its own copy of the old weights and hands back its
 * weight change; the changes are added in a fixed order, so a run is deterministic for a given
 * number of threads. The calling thread takes the first range and one long-lived worker each of
 * the others; a step is handed over by a generation counter that the workers watch, spinning
 * briefly and then parking, so that a step costs no queue, no future and no allocation.
 *
 * <p>Between {@link #load} and {@link #unload} the stalks stay in the threads' own buffers (a
 * full-batch epoch); otherwise every step copies its samples in and out. Close it when done.
 */
final class ParallelSteps implements AutoCloseable {
    /** How many times a worker checks for the next step before it parks. */
    private static final int SPINS = 20_000;

    private final SheafKernel kernel;
    private final int stateSize;
    private final int outputs;
    private final int batch;
    private final int[] from;
    private final Chunk[] chunks;
    private final Thread[] workers;
    private final double[] old;
    private final double[] change;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private boolean resident;
    private double[] stepParams;
    private double[] stepState;
    private double[] stepTargets;
    private double stepAlphaDt;
    private double stepBetaDt;

    /** One thread's share: its samples' buffers and its copy of the weights. */
    private static final class Chunk {
        final int size;
        final double[] state;
        final double[] targets;
        final double[] params;
        final PinSet pins;
        final Workspace workspace;

        Chunk(SheafLayout layout, int size, int outputs, int parameters, Pins pins) {
            this.size = size;
            this.state = new double[layout.stateSize() * size];
            this.targets = new double[outputs * size];
            this.params = new double[parameters];
            this.pins = pins.compile(layout, size);
            this.workspace = new Workspace(layout, size);
        }
    }

    /**
     * Steps for {@code batch} samples over {@code threads} threads; {@code pins} must hold one value
     * for all samples (per-sample values cannot follow the samples into the chunks).
     */
    ParallelSteps(SheafKernel kernel, int batch, int threads, Pins pins) {
        for (Pins.Pin pin : pins.pins()) {
            if (pin.values().length != 1) {
                throw new IllegalArgumentException("training on several threads needs pins with one value for all"
                        + " samples; " + pin.coordinate() + " has " + pin.values().length + "; use one thread");
            }
        }
        SheafLayout layout = kernel.layout();
        this.kernel = kernel;
        this.stateSize = layout.stateSize();
        this.outputs = layout.architecture().outputs();
        this.batch = batch;
        int count = Math.max(1, Math.min(threads, batch));
        this.from = new int[count + 1];
        this.chunks = new Chunk[count];
        for (int t = 0; t < count; t++) {
            from[t] = (int) ((long) batch * t / count);
        }
        from[count] = batch;
        for (int t = 0; t < count; t++) {
            chunks[t] = new Chunk(layout, from[t + 1] - from[t], outputs, layout.architecture().parameterCount(), pins);
        }
        this.old = new double[layout.architecture().parameterCount()];
        this.change = new double[count];
        this.workers = new Thread[count - 1];
        for (int t = 1; t < count; t++) {
            int index = t;
            Thread worker = new Thread(() -> work(index), "sheaf4j-training-" + t);
            worker.setDaemon(true);
            workers[t - 1] = worker;
            worker.start();
        }
    }

    /** Copies the stalks and targets of the whole batch into the threads' buffers, where steps keep them until {@link #unload}. */
    void load(double[] state, double[] targets) {
        for (int t = 0; t < chunks.length; t++) {
            gather(state, stateSize, from[t], chunks[t].state, chunks[t].size);
            gather(targets, outputs, from[t], chunks[t].targets, chunks[t].size);
        }
        resident = true;
    }

    /** Copies the threads' stalks back into {@code state}; steps copy their samples in and out again. */
    void unload(double[] state) {
        for (int t = 0; t < chunks.length; t++) {
            scatter(chunks[t].state, stateSize, chunks[t].size, state, from[t]);
        }
        resident = false;
    }

    /** One joint step of every sample; returns the largest stalk change. */
    double step(double[] params, double[] state, double[] targets, double alphaDt, double betaDt) {
        stepParams = params;
        stepState = state;
        stepTargets = targets;
        stepAlphaDt = alphaDt;
        stepBetaDt = betaDt;
        failure = null;
        pending.set(workers.length);
        generation++;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        try {
            run(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("a training thread failed: " + failed, failed);
        }
        double max = 0;
        for (double c : change) {
            max = Double.isNaN(c) ? Double.NaN : Math.max(max, c);
        }
        System.arraycopy(params, 0, old, 0, params.length);
        for (Chunk c : chunks) {
            for (int i = 0; i < params.length; i++) {
                params[i] += c.params[i] - old[i];
            }
        }
        return max;
    }

    /** Chunk {@code t}'s share of the current step. */
    private void run(int t) {
        Chunk c = chunks[t];
        if (!resident) {
            gather(stepState, stateSize, from[t], c.state, c.size);
            gather(stepTargets, outputs, from[t], c.targets, c.size);
        }
        System.arraycopy(stepParams, 0, c.params, 0, c.params.length);
        change[t] = kernel.trainingStep(c.params, c.state, c.targets, stepAlphaDt, stepBetaDt, c.pins, c.workspace);
        if (!resident) {
            scatter(c.state, stateSize, c.size, stepState, from[t]);
        }
    }

    /** A worker's life: wait for the next generation, run its chunk, report, until closed. */
    private void work(int t) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                run(t);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            pending.decrementAndGet();
        }
    }

    private void gather(double[] full, int rows, int start, double[] chunk, int size) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(full, r * batch + start, chunk, r * size, size);
        }
    }

    private void scatter(double[] chunk, int rows, int size, double[] full, int start) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(chunk, r * size, full, r * batch + start, size);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}
