package dev.sheaf4j.processor.model;

import java.util.List;

/**
 * A type annotated {@code @SheafNetwork}, as the front end read it, before any validation.
 *
 * @param packageName its package ("" for the unnamed package)
 * @param simpleNames its simple name and those of its enclosing types, outermost first
 * @param kind interface, abstract class, or something else
 * @param visibility its access level
 * @param nested whether it is a member of another type
 * @param staticContext whether it can be referred to without an enclosing instance
 * @param generic whether it declares type parameters
 * @param extendsSheafModel whether it is a subtype of {@code dev.sheaf4j.SheafModel}
 * @param hasUsableConstructor for an abstract class, whether a non-private no-argument constructor exists
 * @param requestedName the {@code name} given in {@code @SheafNetwork}, "" for the default; its
 *     origin is the annotation (and the value, when written)
 * @param methods the methods it declares, in declaration order
 * @param origin the type
 */
public record NetworkDeclaration(String packageName, List<String> simpleNames, DeclarationKind kind,
        Visibility visibility, boolean nested, boolean staticContext, boolean generic, boolean extendsSheafModel,
        boolean hasUsableConstructor, Located<String> requestedName, List<MethodDeclaration> methods, Origin origin) {

    /** The name as Java source refers to it from its package, e.g. {@code Outer.Inner}. */
    public String sourceName() {
        return String.join(".", simpleNames);
    }

    /** The qualified name. */
    public String qualifiedName() {
        return packageName.isEmpty() ? sourceName() : packageName + "." + sourceName();
    }

    /** The simple name of the class to generate: the requested one, or {@code Outer_InnerSheaf}. */
    public String generatedName() {
        String requested = requestedName.value();
        return requested.isEmpty() ? String.join("_", simpleNames) + "Sheaf" : requested;
    }
}
