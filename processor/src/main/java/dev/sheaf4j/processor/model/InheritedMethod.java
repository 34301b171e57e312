package dev.sheaf4j.processor.model;

/**
 * An abstract method a network inherits from a super-type and does not implement, other than the
 * {@code network()} and {@code kernel()} that the generated class supplies.
 *
 * @param name the method's name
 * @param declaringType the qualified name of the super-type that declares it
 * @param layer whether it carries a layer annotation
 */
public record InheritedMethod(String name, String declaringType, boolean layer) {
}
