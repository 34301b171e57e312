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
 * @param privateEnclosing the name of the innermost private type that encloses it, "" if none does
 * @param sealed whether it is declared {@code sealed}
 * @param staticContext whether it can be referred to without an enclosing instance
 * @param generic whether it declares type parameters
 * @param extendsSheafModel whether it is a subtype of {@code dev.sheaf4j.SheafModel}
 * @param hasUsableConstructor for an abstract class, whether a non-private no-argument constructor exists
 * @param constructorExceptions the checked exceptions that constructor declares, each at the constructor
 * @param requestedName the {@code name} given in {@code @SheafNetwork}, "" for the default; its
 *     origin is the annotation (and the value, when written)
 * @param methods the methods it declares, in declaration order
 * @param inherited the abstract methods it inherits and leaves to the generated class
 * @param finalOverrides the final methods among those the generated class overrides ({@code network()},
 *     {@code kernel()}, {@code declaredPins()}), each at the method
 * @param origin the type
 */
public record NetworkDeclaration(String packageName, List<String> simpleNames, DeclarationKind kind,
        Visibility visibility, boolean nested, String privateEnclosing, boolean sealed, boolean staticContext,
        boolean generic, boolean extendsSheafModel, boolean hasUsableConstructor,
        List<Located<String>> constructorExceptions, Located<String> requestedName, List<MethodDeclaration> methods,
        List<InheritedMethod> inherited, List<Located<String>> finalOverrides, Origin origin) {

    /** The name as Java source refers to it from its package, e.g. {@code Outer.Inner}. */
    public String sourceName() {
        return String.join(".", simpleNames);
    }

    /** The qualified name. */
    public String qualifiedName() {
        return packageName.isEmpty() ? sourceName() : packageName + "." + sourceName();
    }

    /** The simple name of the top-level type that holds it: its own, or its outermost enclosing type's. */
    public String topLevelName() {
        return simpleNames.get(0);
    }

    /** The simple name of the class to generate: the requested one, or {@code Outer_InnerSheaf}. */
    public String generatedName() {
        String requested = requestedName.value();
        return requested.isEmpty() ? String.join("_", simpleNames) + "Sheaf" : requested;
    }
}
