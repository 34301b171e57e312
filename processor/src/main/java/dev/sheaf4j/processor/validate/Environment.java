package dev.sheaf4j.processor.validate;

/** What validation needs to know of the compilation beyond the declaration itself. */
public interface Environment {
    /**
     * Whether a type with this qualified name exists already, other than the one that sheaf4j itself
     * generated for the same declaration in an earlier compilation.
     */
    boolean nameTaken(String qualifiedName);

    /** Whether {@code name} is a valid Java simple class name (an identifier, not a keyword). */
    boolean isValidClassName(String name);
}
