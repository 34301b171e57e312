package dev.sheaf4j.processor.model;

/** What kind of type carries {@code @SheafNetwork}. */
public enum DeclarationKind {
    INTERFACE, ABSTRACT_CLASS, CONCRETE_CLASS, OTHER
}
