package dev.sheaf4j.processor;

import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.processor.model.DeclarationKind;
import dev.sheaf4j.processor.model.InheritedMethod;
import dev.sheaf4j.processor.model.LayerAnnotation;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.Located;
import dev.sheaf4j.processor.model.MethodDeclaration;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.PinDeclaration;
import dev.sheaf4j.processor.model.SkipDeclaration;
import dev.sheaf4j.processor.model.Visibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The thin front end: reads a {@code @SheafNetwork} type element into the processor's plain
 * {@link NetworkDeclaration}, keeping for every value the element, annotation and annotation value
 * it came from so that diagnostics land on the right literal.
 */
final class DeclarationReader {
    private final Elements elements;
    private final Types types;

    DeclarationReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    NetworkDeclaration read(TypeElement type) {
        AnnotationMirror network = mirror(type, SheafAnnotation.SHEAF_NETWORK);
        ElementOrigin origin = new ElementOrigin(type, null, null);
        List<String> names = new ArrayList<>();
        Element e = type;
        while (e instanceof TypeElement t) {
            names.add(t.getSimpleName().toString());
            e = t.getEnclosingElement();
        }
        Collections.reverse(names);
        Set<Modifier> modifiers = type.getModifiers();
        boolean nested = type.getEnclosingElement() instanceof TypeElement;
        Hierarchy hierarchy = new Hierarchy(elements, types, type);
        return new NetworkDeclaration(
                elements.getPackageOf(type).getQualifiedName().toString(),
                List.copyOf(names),
                kind(type),
                visibility(modifiers),
                nested,
                privateEnclosing(type),
                modifiers.contains(Modifier.SEALED),
                !nested || type.getKind() == ElementKind.INTERFACE || modifiers.contains(Modifier.STATIC),
                !type.getTypeParameters().isEmpty(),
                isSubtype(type.asType(), "dev.sheaf4j.SheafModel"),
                usableConstructor(type) != null,
                constructorExceptions(type),
                new Located<>((String) valueOf(network, "name"),
                        new ElementOrigin(type, network, explicit(network, "name"))),
                methods(type),
                hierarchy.unimplemented().stream().map(this::inherited).toList(),
                hierarchy.finalOverrides().stream()
                        .map(m -> new Located<>(m.getSimpleName().toString(), new ElementOrigin(m, null, null)))
                        .toList(),
                origin);
    }

    private static String privateEnclosing(TypeElement type) {
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return t.getSimpleName().toString();
            }
        }
        return "";
    }

    private InheritedMethod inherited(ExecutableElement m) {
        boolean layer = m.getAnnotationMirrors().stream().anyMatch(a -> SheafAnnotation.of(a)
                .filter(s -> s == SheafAnnotation.INPUT || s == SheafAnnotation.DENSE || s == SheafAnnotation.OUTPUT)
                .isPresent());
        return new InheritedMethod(m.getSimpleName().toString(),
                ((TypeElement) m.getEnclosingElement()).getQualifiedName().toString(), layer);
    }

    private static DeclarationKind kind(TypeElement type) {
        if (type.getKind() == ElementKind.INTERFACE) {
            return DeclarationKind.INTERFACE;
        }
        if (type.getKind() == ElementKind.CLASS) {
            return type.getModifiers().contains(Modifier.ABSTRACT) ? DeclarationKind.ABSTRACT_CLASS
                    : DeclarationKind.CONCRETE_CLASS;
        }
        return DeclarationKind.OTHER;
    }

    private static Visibility visibility(Set<Modifier> modifiers) {
        if (modifiers.contains(Modifier.PUBLIC)) {
            return Visibility.PUBLIC;
        }
        if (modifiers.contains(Modifier.PROTECTED)) {
            return Visibility.PROTECTED;
        }
        return modifiers.contains(Modifier.PRIVATE) ? Visibility.PRIVATE : Visibility.PACKAGE;
    }

    private boolean isSubtype(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    /** The non-private constructor without parameters that the generated class calls, or null. */
    private static ExecutableElement usableConstructor(TypeElement type) {
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
                return c;
            }
        }
        return null;
    }

    private List<Located<String>> constructorExceptions(TypeElement type) {
        ExecutableElement constructor = usableConstructor(type);
        if (constructor == null) {
            return List.of();
        }
        List<Located<String>> out = new ArrayList<>();
        for (TypeMirror thrown : constructor.getThrownTypes()) {
            if (!isSubtype(thrown, "java.lang.RuntimeException") && !isSubtype(thrown, "java.lang.Error")) {
                out.add(new Located<>(thrown.toString(), new ElementOrigin(constructor, null, null)));
            }
        }
        return out;
    }

    private List<MethodDeclaration> methods(TypeElement type) {
        List<MethodDeclaration> methods = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            List<LayerAnnotation> layers = new ArrayList<>();
            List<PinDeclaration> pins = new ArrayList<>();
            List<SkipDeclaration> skips = new ArrayList<>();
            for (AnnotationMirror a : m.getAnnotationMirrors()) {
                // another processor's annotation is not ours to judge
                SheafAnnotation.of(a).ifPresent(annotation -> {
                    switch (annotation) {
                        case INPUT -> layers.add(layer(m, a, LayerKind.INPUT));
                        case DENSE -> layers.add(layer(m, a, LayerKind.DENSE));
                        case OUTPUT -> layers.add(layer(m, a, LayerKind.OUTPUT));
                        case PIN -> pins.add(pin(m, a, true));
                        case SOFT_PIN -> pins.add(pin(m, a, false));
                        case PIN_LIST, SOFT_PIN_LIST -> {
                            for (AnnotationMirror pin : repeated(a)) {
                                pins.add(pin(m, pin, annotation == SheafAnnotation.PIN_LIST));
                            }
                        }
                        case SKIP -> skips.add(skip(m, a));
                        case SKIP_LIST -> {
                            for (AnnotationMirror skip : repeated(a)) {
                                skips.add(skip(m, skip));
                            }
                        }
                    }
                });
            }
            TypeElement layer = elements.getTypeElement("dev.sheaf4j.Layer");
            boolean returnsLayer = layer != null && types.isSameType(m.getReturnType(), layer.asType());
            Set<Modifier> modifiers = m.getModifiers();
            methods.add(new MethodDeclaration(m.getSimpleName().toString(), m.getParameters().size(), returnsLayer,
                    modifiers.contains(Modifier.ABSTRACT), modifiers.contains(Modifier.STATIC), List.copyOf(layers),
                    List.copyOf(pins), List.copyOf(skips), new ElementOrigin(m, null, null)));
        }
        return methods;
    }

    private static LayerAnnotation layer(ExecutableElement method, AnnotationMirror a, LayerKind kind) {
        ElementOrigin origin = new ElementOrigin(method, a, null);
        Located<Activation> activation = kind == LayerKind.DENSE
                ? new Located<>(Activation.valueOf(enumName(a, "activation")), at(method, a, "activation"))
                : new Located<>(Activation.RELU, origin);
        Located<Double> slope = kind == LayerKind.DENSE
                ? new Located<>((Double) valueOf(a, "slope"), at(method, a, "slope"))
                : new Located<>(0.0, origin);
        Located<OutputActivation> head = kind == LayerKind.OUTPUT
                ? new Located<>(OutputActivation.valueOf(enumName(a, "activation")), at(method, a, "activation"))
                : new Located<>(OutputActivation.IDENTITY, origin);
        return new LayerAnnotation(kind, new Located<>((Integer) valueOf(a, "value"), at(method, a, "value")),
                activation, slope, head, origin);
    }

    private static PinDeclaration pin(ExecutableElement method, AnnotationMirror a, boolean hard) {
        List<?> neurons = (List<?>) valueOf(a, "neuron");
        int[] indices = new int[neurons.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (Integer) ((AnnotationValue) neurons.get(i)).getValue();
        }
        return new PinDeclaration(hard,
                new Located<>(Stalk.valueOf(enumName(a, "stalk")), at(method, a, "stalk")),
                new Located<>(indices, at(method, a, "neuron")),
                new Located<>((Double) valueOf(a, "value"), at(method, a, "value")),
                hard ? null : new Located<>((Double) valueOf(a, "strength"), at(method, a, "strength")),
                new ElementOrigin(method, a, null));
    }

    private static SkipDeclaration skip(ExecutableElement method, AnnotationMirror a) {
        return new SkipDeclaration(new Located<>((String) valueOf(a, "from"), at(method, a, "from")),
                new Located<>((Boolean) valueOf(a, "projection"), at(method, a, "projection")),
                new ElementOrigin(method, a, null));
    }

    /** The annotations a container of repeated annotations ({@code @Pin.List}, {@code @Skip.List}) holds. */
    private static List<AnnotationMirror> repeated(AnnotationMirror container) {
        return ((List<?>) valueOf(container, "value")).stream()
                .map(inner -> (AnnotationMirror) ((AnnotationValue) inner).getValue()).toList();
    }

    private static ElementOrigin at(Element element, AnnotationMirror a, String member) {
        return new ElementOrigin(element, a, explicit(a, member));
    }

    private static AnnotationMirror mirror(Element element, SheafAnnotation annotation) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            if (annotation.is(a)) {
                return a;
            }
        }
        throw new IllegalStateException(element + " carries no " + annotation.qualifiedName());
    }

    /** The value of {@code member}, written or defaulted. */
    private static Object valueOf(AnnotationMirror a, String member) {
        for (ExecutableElement m : ElementFilter.methodsIn(a.getAnnotationType().asElement().getEnclosedElements())) {
            if (m.getSimpleName().contentEquals(member)) {
                AnnotationValue written = explicit(a, member);
                return (written != null ? written : m.getDefaultValue()).getValue();
            }
        }
        throw new IllegalStateException(a + " has no member " + member);
    }

    /** The value of {@code member} as written in the source, or null when it is defaulted. */
    private static AnnotationValue explicit(AnnotationMirror a, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String enumName(AnnotationMirror a, String member) {
        return ((VariableElement) valueOf(a, member)).getSimpleName().toString();
    }
}
