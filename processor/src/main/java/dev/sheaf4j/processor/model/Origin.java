package dev.sheaf4j.processor.model;

/**
 * Where a piece of a declaration was written, as the front end knows it (an element, an annotation,
 * an annotation value). Opaque to the core: diagnostics carry it back to the front end unchanged.
 */
public interface Origin {
}
