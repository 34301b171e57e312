package dev.sheaf4j.processor.model;

/** A value read from a declaration together with where it was written. */
public record Located<T>(T value, Origin origin) {
}
