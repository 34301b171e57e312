package dev.sheaf4j.sheaf;

import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A set of pinned coordinates: hard pins (the coordinate becomes boundary data) and soft pins (an
 * extra energy {@code 1/2 gamma |v - t|^2}). Each pin holds one value for every sample or one value
 * per sample. The input {@code x} is boundary data unless {@link Builder#freeInput()} is called.
 * Immutable; build with {@link #builder()}.
 */
public final class Pins {
    /** One pin: a coordinate, its value(s) and, for a soft pin, its strength. */
    public record Pin(Coordinate coordinate, double[] values, double strength) {
        /** Whether this is a hard pin. */
        public boolean hard() {
            return Double.isInfinite(strength);
        }

        /** The pinned value for {@code sample}. */
        public double value(int sample) {
            return values.length == 1 ? values[0] : values[sample];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pin other && coordinate.equals(other.coordinate) && Arrays.equals(values, other.values)
                    && Double.compare(strength, other.strength) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(coordinate, Arrays.hashCode(values), strength);
        }

        /** {@code z_1[0] = 0.5} for a hard pin, {@code z_2[0] ~ 0.8 (strength 10.0)} for a soft one. */
        @Override
        public String toString() {
            String value = values.length == 1 ? Double.toString(values[0]) : Brief.of(values);
            return coordinate + (hard() ? " = " + value : " ~ " + value + " (strength " + strength + ")");
        }
    }

    private static final Pins NONE = new Pins(List.of(), false);

    private final List<Pin> pins;
    private final boolean inputFree;

    private Pins(List<Pin> pins, boolean inputFree) {
        this.pins = pins;
        this.inputFree = inputFree;
    }

    /** No pins beyond the input. */
    public static Pins none() {
        return NONE;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these pins, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pins.addAll(pins);
        b.inputFree = inputFree;
        return b;
    }

    /** These pins followed by {@code more}'s; the input is free if either set frees it. */
    public Pins and(Pins more) {
        if (more.pins.isEmpty() && (inputFree || !more.inputFree)) {
            return this;
        }
        Builder b = toBuilder();
        b.pins.addAll(more.pins);
        b.inputFree |= more.inputFree;
        return b.build();
    }

    /** The pins, in the order they were added. */
    public List<Pin> pins() {
        return pins;
    }

    /** Whether the input {@code x} is free (not boundary data). */
    public boolean inputFree() {
        return inputFree;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pins other && pins.equals(other.pins) && inputFree == other.inputFree;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pins, inputFree);
    }

    /** {@code Pins[z_1[0] = 0.5, input free]}, or {@code Pins[none]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        pins.forEach(pin -> parts.add(pin.toString()));
        if (inputFree) {
            parts.add("input free");
        }
        return "Pins" + (parts.isEmpty() ? "[none]" : parts.toString());
    }

    /**
     * Checks these pins against {@code layout} and lays them out for {@code batch} samples.
     *
     * @throws IllegalArgumentException for a coordinate the network lacks, two pins on one
     *     coordinate, per-sample values of the wrong count, or a network left with nothing free
     */
    public PinSet compile(SheafLayout layout, int batch) {
        return new PinSet(layout, batch, this);
    }

    /** Collects pins; {@link #build()} makes the immutable set. */
    public static final class Builder {
        private final List<Pin> pins = new ArrayList<>();
        private boolean inputFree;

        private Builder() {
        }

        /** Hard-pins {@code coordinate} to {@code value} in every sample. */
        public Builder hard(Coordinate coordinate, double value) {
            return hard(coordinate, new double[] {value});
        }

        /** Hard-pins {@code coordinate} to one value per sample (or one value for all). */
        public Builder hard(Coordinate coordinate, double[] values) {
            return add(coordinate, values, Double.POSITIVE_INFINITY);
        }

        /** Hard-pins every neuron of {@code stalk} to {@code value}. */
        public Builder hard(StalkRef stalk, double value) {
            for (int i = 0; i < stalk.width(); i++) {
                hard(stalk.coordinate(i), value);
            }
            return this;
        }

        /** Soft-pins every neuron of {@code stalk} towards {@code target} with strength {@code gamma}. */
        public Builder soft(StalkRef stalk, double target, double gamma) {
            for (int i = 0; i < stalk.width(); i++) {
                soft(stalk.coordinate(i), target, gamma);
            }
            return this;
        }

        /** Soft-pins {@code coordinate} towards {@code target} with strength {@code gamma > 0}. */
        public Builder soft(Coordinate coordinate, double target, double gamma) {
            return soft(coordinate, new double[] {target}, gamma);
        }

        /** Soft-pins {@code coordinate} towards one target per sample (or one for all). */
        public Builder soft(Coordinate coordinate, double[] targets, double gamma) {
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("soft pin strength on " + coordinate
                        + " must be positive and finite, got " + gamma + "; use a hard pin for an exact constraint");
            }
            return add(coordinate, targets, gamma);
        }

        /** Leaves the input {@code x} free, for inverse problems. */
        public Builder freeInput() {
            inputFree = true;
            return this;
        }

        private Builder add(Coordinate coordinate, double[] values, double strength) {
            Objects.requireNonNull(coordinate, "coordinate");
            Objects.requireNonNull(values, "pin values");
            if (values.length == 0) {
                throw new IllegalArgumentException("pin on " + coordinate + " has no value");
            }
            Require.allFinite(values, "pin value on " + coordinate);
            pins.add(new Pin(coordinate, values.clone(), strength));
            return this;
        }

        /** The pins collected so far. */
        public Pins build() {
            return new Pins(Collections.unmodifiableList(new ArrayList<>(pins)), inputFree);
        }
    }
}
