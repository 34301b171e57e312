package dev.sheaf4j.processor;

import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.processor.model.DeclarationKind;
import dev.sheaf4j.processor.model.LayerAnnotation;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.Located;
import dev.sheaf4j.processor.model.MethodDeclaration;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.PinDeclaration;
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
    static final String SHEAF_NETWORK = "dev.sheaf4j.annotation.SheafNetwork";
    private static final String ANNOTATIONS = "dev.sheaf4j.annotation.";

    private final Elements elements;
    private final Types types;

    DeclarationReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    NetworkDeclaration read(TypeElement type) {
        AnnotationMirror network = mirror(type, SHEAF_NETWORK);
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
        return new NetworkDeclaration(
                elements.getPackageOf(type).getQualifiedName().toString(),
                List.copyOf(names),
                kind(type),
                visibility(modifiers),
                nested,
                !nested || type.getKind() == ElementKind.INTERFACE || modifiers.contains(Modifier.STATIC),
                !type.getTypeParameters().isEmpty(),
                isSubtype(type.asType(), "dev.sheaf4j.SheafModel"),
                hasUsableConstructor(type),
                new Located<>((String) valueOf(network, "name"), new ElementOrigin(type, network, explicit(network, "name"))),
                methods(type),
                origin);
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

    private static boolean hasUsableConstructor(TypeElement type) {
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private List<MethodDeclaration> methods(TypeElement type) {
        List<MethodDeclaration> methods = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (m.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            List<LayerAnnotation> layers = new ArrayList<>();
            List<PinDeclaration> pins = new ArrayList<>();
            for (AnnotationMirror a : m.getAnnotationMirrors()) {
                String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
                switch (name) {
                    case ANNOTATIONS + "Input" -> layers.add(layer(m, a, LayerKind.INPUT));
                    case ANNOTATIONS + "Dense" -> layers.add(layer(m, a, LayerKind.DENSE));
                    case ANNOTATIONS + "Output" -> layers.add(layer(m, a, LayerKind.OUTPUT));
                    case ANNOTATIONS + "Pin" -> pins.add(pin(m, a, true));
                    case ANNOTATIONS + "SoftPin" -> pins.add(pin(m, a, false));
                    case ANNOTATIONS + "Pin.List", ANNOTATIONS + "SoftPin.List" -> {
                        for (Object inner : (List<?>) valueOf(a, "value")) {
                            AnnotationMirror pin = (AnnotationMirror) ((AnnotationValue) inner).getValue();
                            pins.add(pin(m, pin, name.endsWith("Pin.List") && !name.endsWith("SoftPin.List")));
                        }
                    }
                    default -> {
                        // another processor's annotation: not ours to judge
                    }
                }
            }
            TypeElement layer = elements.getTypeElement("dev.sheaf4j.Layer");
            boolean returnsLayer = layer != null && types.isSameType(m.getReturnType(), layer.asType());
            methods.add(new MethodDeclaration(m.getSimpleName().toString(), m.getParameters().size(), returnsLayer,
                    m.getModifiers().contains(Modifier.ABSTRACT), List.copyOf(layers), List.copyOf(pins),
                    new ElementOrigin(m, null, null)));
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

    private static ElementOrigin at(Element element, AnnotationMirror a, String member) {
        return new ElementOrigin(element, a, explicit(a, member));
    }

    private static AnnotationMirror mirror(Element element, String qualifiedName) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return a;
            }
        }
        throw new IllegalStateException(element + " carries no " + qualifiedName);
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
