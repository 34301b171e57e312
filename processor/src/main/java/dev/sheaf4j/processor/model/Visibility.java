package dev.sheaf4j.processor.model;

/** Java access level of a declaration. */
public enum Visibility {
    PUBLIC, PROTECTED, PACKAGE, PRIVATE
}
