package dev.sheaf4j;

import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.StalkRef;
import java.util.Objects;

/**
 * A run about to start from a state, collecting the pins to add to the model's declared ones. The
 * base of {@link EquilibriumRequest} and {@link DiffusionRequest}; each method returns the request.
 *
 * @param <R> the concrete request
 */
public abstract class PinRequest<R extends PinRequest<R>> {
    private final SheafModel model;
    private final SheafState start;
    private final Pins.Builder pins = Pins.builder();

    PinRequest(SheafModel model, SheafState start) {
        this.model = Objects.requireNonNull(model, "model");
        this.start = Objects.requireNonNull(start, "start");
    }

    abstract R self();

    /** The model the run belongs to. */
    SheafModel model() {
        return model;
    }

    /** The state the run starts from. */
    SheafState start() {
        return start;
    }

    /** The pins collected so far. */
    Pins pins() {
        return pins.build();
    }

    /** Hard-pins {@code coordinate} to {@code value} in every sample. */
    public R pin(Coordinate coordinate, double value) {
        pins.hard(coordinate, value);
        return self();
    }

    /** Hard-pins {@code coordinate} to one value per sample. */
    public R pin(Coordinate coordinate, double[] perSample) {
        pins.hard(coordinate, perSample);
        return self();
    }

    /** Hard-pins every neuron of {@code stalk} to {@code value}. */
    public R pin(StalkRef stalk, double value) {
        pins.hard(stalk, value);
        return self();
    }

    /** Pulls {@code coordinate} towards {@code target} with strength {@code gamma}. */
    public R softPin(Coordinate coordinate, double target, double gamma) {
        pins.soft(coordinate, target, gamma);
        return self();
    }

    /** Pulls {@code coordinate} towards one target per sample with strength {@code gamma}. */
    public R softPin(Coordinate coordinate, double[] perSample, double gamma) {
        pins.soft(coordinate, perSample, gamma);
        return self();
    }

    /** Pulls every neuron of {@code stalk} towards {@code target} with strength {@code gamma}. */
    public R softPin(StalkRef stalk, double target, double gamma) {
        pins.soft(stalk, target, gamma);
        return self();
    }

    /** Leaves the input free (for inverse problems; give it a soft pin to make the answer unique). */
    public R freeInput() {
        pins.freeInput();
        return self();
    }
}
