package dev.sheaf4j.sweep;

import java.io.IOException;

/** Hears a sweep's trials start and end; an engine calls it once at a time. */
public interface SweepListener {
    /** Trial {@code trial} has started. */
    void started(TrialSettings trial);

    /**
     * A trial has ended with {@code result}.
     *
     * @throws IOException if the result cannot be recorded, which ends the sweep
     */
    void finished(TrialResult result) throws IOException;
}
