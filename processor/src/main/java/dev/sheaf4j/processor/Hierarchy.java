package dev.sheaf4j.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The methods a network type inherits: which abstract ones stay unimplemented, and which of the
 * methods the generated class overrides are final.
 */
final class Hierarchy {
    /** The zero-argument methods every generated model class declares. */
    static final Set<String> GENERATED_OVERRIDES = Set.of("network", "kernel", "declaredPins");
    private static final String SHEAF_MODEL = "dev.sheaf4j.SheafModel";

    private final Elements elements;
    private final Types types;
    private final TypeElement type;
    private final List<ExecutableElement> own;
    private final List<ExecutableElement> inherited = new ArrayList<>();

    Hierarchy(Elements elements, Types types, TypeElement type) {
        this.elements = elements;
        this.types = types;
        this.type = type;
        this.own = ElementFilter.methodsIn(type.getEnclosedElements());
        for (TypeElement supertype : supertypes(type)) {
            inherited.addAll(ElementFilter.methodsIn(supertype.getEnclosedElements()));
        }
    }

    /**
     * The abstract methods of super-types that no method of the type or its super-types implements
     * or redeclares, other than those of {@code SheafModel} and {@code Object} the generated class has.
     */
    List<ExecutableElement> unimplemented() {
        List<ExecutableElement> out = new ArrayList<>();
        for (ExecutableElement m : inherited) {
            if (m.getModifiers().contains(Modifier.ABSTRACT) && !overridden(m) && !suppliedByGeneratedClass(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The final methods, declared or inherited, that the generated class would override. */
    List<ExecutableElement> finalOverrides() {
        List<ExecutableElement> out = new ArrayList<>();
        for (List<ExecutableElement> methods : List.of(own, inherited)) {
            for (ExecutableElement m : methods) {
                if (m.getModifiers().contains(Modifier.FINAL) && m.getParameters().isEmpty()
                        && GENERATED_OVERRIDES.contains(m.getSimpleName().toString())) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private boolean overridden(ExecutableElement m) {
        for (List<ExecutableElement> methods : List.of(own, inherited)) {
            for (ExecutableElement other : methods) {
                if (other != m && elements.overrides(other, m, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code network()} and {@code kernel()} of SheafModel, and methods of Object redeclared abstract. */
    private boolean suppliedByGeneratedClass(ExecutableElement m) {
        String declaring = ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString();
        if (declaring.equals(SHEAF_MODEL)) {
            return true;
        }
        TypeElement object = elements.getTypeElement("java.lang.Object");
        for (ExecutableElement o : ElementFilter.methodsIn(object.getEnclosedElements())) {
            if (o.getModifiers().contains(Modifier.PUBLIC) && o.getSimpleName().equals(m.getSimpleName())
                    && o.getParameters().size() == m.getParameters().size()) {
                return true;
            }
        }
        return false;
    }

    /** Every proper super-type of {@code type}, nearest first, each once. */
    private Set<TypeElement> supertypes(TypeElement start) {
        Set<TypeElement> out = new LinkedHashSet<>();
        List<TypeMirror> pending = new ArrayList<>(types.directSupertypes(start.asType()));
        while (!pending.isEmpty()) {
            TypeMirror next = pending.remove(0);
            if (next instanceof DeclaredType declared && declared.asElement() instanceof TypeElement t && out.add(t)) {
                pending.addAll(types.directSupertypes(next));
            }
        }
        return out;
    }
}
