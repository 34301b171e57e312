package dev.sheaf4j.processor.model;

import dev.sheaf4j.annotation.Stalk;

/**
 * One {@code @Pin} or {@code @SoftPin} as written; {@code strength} is null for a hard pin and
 * {@code neurons} empty for the whole layer.
 */
public record PinDeclaration(boolean hard, Located<Stalk> stalk, Located<int[]> neurons, Located<Double> value,
        Located<Double> strength, Origin origin) {
    /** The annotation as a user writes it. */
    public String annotation() {
        return hard ? "@Pin" : "@SoftPin";
    }
}
