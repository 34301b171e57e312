package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/** How the output edge enters the exact pinned problem, decided once per solve from the pins and the mode. */
enum OutputTreatment {
    /** Identity head: no output vertex. */
    NONE,
    /** {@code a_out} free: it equals {@code phi(z)} and the edge has no energy. */
    ELIMINATED,
    /** {@code a_out} pinned, identity mode: the cross-entropy potential {@code U(z)}, gradient {@code p - t}. */
    CROSS_ENTROPY,
    /**
     * Jacobian mode with any pins on {@code a_out}: the squared output edge, by Gauss-Newton, with
     * the unpinned {@code a_out} solved for alongside the stalks.
     */
    OUTPUT_EDGE;

    /**
     * The treatment of {@code pins} in {@code mode}.
     *
     * @throws UnsupportedPinsException in identity mode for part of {@code a_out} pinned or soft pins on it
     */
    static OutputTreatment of(SheafLayout layout, PinSet pins, OutputEdgeMode mode) {
        Architecture arch = layout.architecture();
        if (!arch.hasOutputVertex()) {
            return NONE;
        }
        int from = layout.outputVertexOffset();
        int pinned = 0;
        boolean soft = false;
        for (int i = 0; i < arch.outputs(); i++) {
            pinned += pins.isFixed(from + i) ? 1 : 0;
        }
        for (int k = 0; k < pins.softCount(); k++) {
            soft |= pins.softIndex(k) >= from;
        }
        if (pinned == 0 && !soft) {
            return ELIMINATED;
        }
        if (mode == OutputEdgeMode.JACOBIAN) {
            return OUTPUT_EDGE;
        }
        if (soft || pinned < arch.outputs()) {
            throw new UnsupportedPinsException("in identity mode the exact solver needs all or none of a_out"
                    + " hard-pinned and no soft pins on it (" + pinned + " of " + arch.outputs() + " are pinned"
                    + (soft ? ", some softly" : "") + "); use Jacobian mode, pin the whole output, or use diffusion");
        }
        return CROSS_ENTROPY;
    }

    /** The output-edge mode the kernel's forces use under this treatment. */
    OutputEdgeMode forceMode() {
        return this == CROSS_ENTROPY ? OutputEdgeMode.IDENTITY : OutputEdgeMode.JACOBIAN;
    }

    /** Whether {@code a_out} is solved for alongside the stalks. */
    boolean solvesOutputVertex() {
        return this == OUTPUT_EDGE;
    }
}
