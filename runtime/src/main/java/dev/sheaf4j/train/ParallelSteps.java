package dev.sheaf4j.train;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Joint training steps split over threads by contiguous ranges of samples. Each thread copies its
 * samples' stalks and targets into its own buffers, runs the kernel's step against its own copy of
 * the old weights, and hands back its stalks and its weight change; the changes are added in a
 * fixed order, so a run is deterministic for a given number of threads. Close it when done.
 */
final class ParallelSteps implements AutoCloseable {
    private final SheafKernel kernel;
    private final int stateSize;
    private final int outputs;
    private final int batch;
    private final int[] from;
    private final Chunk[] chunks;
    private final ExecutorService pool;
    private final double[] old;
    private final double[] change;

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
        ThreadFactory daemons = r -> {
            Thread thread = new Thread(r, "sheaf4j-training");
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(count, daemons);
        this.old = new double[layout.architecture().parameterCount()];
        this.change = new double[count];
    }

    /** One joint step of every sample; returns the largest stalk change. */
    double step(double[] params, double[] state, double[] targets, double alphaDt, double betaDt) {
        Future<?>[] running = new Future<?>[chunks.length];
        for (int t = 0; t < chunks.length; t++) {
            int index = t;
            running[t] = pool.submit(() -> {
                Chunk c = chunks[index];
                gather(state, stateSize, from[index], c.state, c.size);
                gather(targets, outputs, from[index], c.targets, c.size);
                System.arraycopy(params, 0, c.params, 0, params.length);
                change[index] = kernel.trainingStep(c.params, c.state, c.targets, alphaDt, betaDt, c.pins,
                        c.workspace);
                scatter(c.state, stateSize, c.size, state, from[index]);
            });
        }
        double max = 0;
        for (int t = 0; t < chunks.length; t++) {
            try {
                running[t].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a training thread failed: " + e.getCause(), e.getCause());
            }
            max = Double.isNaN(change[t]) ? Double.NaN : Math.max(max, change[t]);
        }
        System.arraycopy(params, 0, old, 0, params.length);
        for (Chunk c : chunks) {
            for (int i = 0; i < params.length; i++) {
                params[i] += c.params[i] - old[i];
            }
        }
        return max;
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
        pool.shutdownNow();
    }
}
