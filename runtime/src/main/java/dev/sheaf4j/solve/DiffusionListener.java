package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.SheafState;

/**
 * Hears a heat-equation run step by step: the state before the first step (step 0) and after every
 * step, so a caller can record a trajectory without re-running the Euler steps itself.
 */
@FunctionalInterface
public interface DiffusionListener {
    /** A listener that ignores every step. */
    DiffusionListener NONE = (step, state) -> { };

    /**
     * Called with the run's live state after {@code step} Euler steps; read it, copy what you keep,
     * and do not modify it.
     */
    void afterStep(int step, SheafState state);
}
