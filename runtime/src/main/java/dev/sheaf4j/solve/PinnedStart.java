package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;

/**
 * The common start of a solver run: a kernel, a network and a state of one architecture, the pins
 * laid out for the state's batch, and a finite copy of the state with the hard pins applied.
 */
record PinnedStart(PinSet pins, SheafState state) {
    /**
     * @throws IllegalArgumentException for mismatched architectures, bad pins, or a non-finite state
     */
    static PinnedStart of(SheafKernel kernel, Network network, SheafState initial, Pins pins) {
        Architecture arch = kernel.layout().architecture();
        if (!arch.equals(network.architecture()) || !arch.equals(initial.layout().architecture())) {
            throw new IllegalArgumentException("kernel " + arch + ", network " + network.architecture()
                    + " and state " + initial.layout().architecture() + " must share one architecture");
        }
        PinSet pinSet = pins.compile(kernel.layout(), initial.batch());
        SheafState state = initial.copy();
        pinSet.applyHard(state.values());
        state.requireFinite("initial state");
        return new PinnedStart(pinSet, state);
    }
}
