package dev.sheaf4j.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs trials at most {@code concurrency} at a time through a function that runs one (here, or by
 * handing it to a cluster), telling a listener about each, one call at a time. The engines share it.
 */
public final class TrialQueue {
    private TrialQueue() {
    }

    /**
     * Runs every trial through {@code runOne}; returns once all have ended.
     *
     * @throws IOException if the listener cannot record a result
     * @throws InterruptedException if the calling thread is interrupted (running trials are interrupted too)
     * @throws RuntimeException what {@code runOne} threw, ending the sweep
     */
    public static void run(List<TrialSettings> trials, int concurrency, Function<TrialSettings, TrialResult> runOne,
            SweepListener listener) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, work -> {
            Thread thread = new Thread(work, "sheaf4j-trial");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (TrialSettings trial : trials) {
                running.add(pool.submit(() -> {
                    synchronized (listener) {
                        listener.started(trial);
                    }
                    TrialResult result = runOne.apply(trial);
                    synchronized (listener) {
                        listener.finished(result);
                    }
                    return null;
                }));
            }
            for (Future<Void> trial : running) {
                trial.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
