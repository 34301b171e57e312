package dev.sheaf4j.processor.model;

/**
 * One {@code @Skip} as written on a layer method: the name of the layer method it comes from and
 * whether it goes through a learned projection, each with its origin.
 */
public record SkipDeclaration(Located<String> from, Located<Boolean> projection, Origin origin) {
}
