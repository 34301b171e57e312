package dev.sheaf4j.processor.model;

import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;

/**
 * One layer annotation as written: its kind, width, and (for {@code @Dense}) activation and slope or
 * (for {@code @Output}) output map; each value with its origin.
 */
public record LayerAnnotation(LayerKind kind, Located<Integer> width, Located<Activation> activation,
        Located<Double> slope, Located<OutputActivation> head, Origin origin) {
}
