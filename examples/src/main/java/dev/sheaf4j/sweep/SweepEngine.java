package dev.sheaf4j.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a sweep's trials somewhere: {@link LocalEngine} on this machine's cores, or an engine found
 * by {@link Engines} (Spark's, in the {@code sheaf4j-spark} module). Every engine runs each trial
 * through {@link TrialRunner#run}, so engines differ in where trials run and in nothing they give.
 */
public interface SweepEngine {
    /** The engine's name, as {@code --engine} gives it. */
    String name();

    /**
     * Runs {@code trials}, telling {@code listener} about each as it starts and ends (one call at a
     * time, from any thread); returns when every trial has ended.
     *
     * @throws IOException if the listener cannot record a result
     * @throws InterruptedException if the sweep is interrupted
     * @throws RuntimeException if the engine itself fails (a trial that fails is a result, not an exception)
     */
    void run(List<TrialSettings> trials, EngineOptions options, SweepListener listener)
            throws IOException, InterruptedException;

    /** Runs {@code trials} and returns their results in the trials' order. */
    default List<TrialResult> runAll(List<TrialSettings> trials, EngineOptions options)
            throws IOException, InterruptedException {
        List<TrialResult> results = new ArrayList<>();
        run(trials, options, new SweepListener() {
            @Override
            public void started(TrialSettings trial) {
            }

            @Override
            public void finished(TrialResult result) {
                results.add(result);
            }
        });
        Map<TrialSettings, Integer> order = new HashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            order.putIfAbsent(trials.get(i), i);
        }
        results.sort(Comparator.comparingInt(r -> order.get(r.settings())));
        return results;
    }
}
