package dev.sheaf4j.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Whether javac has resolved everything of a network declaration the reader looks at: its
 * super-types, its methods' signatures and every annotation on the type and its methods, with values
 * of their members' types. A type or constant that another processor generates later is unresolved
 * until then, so the processor defers such declarations to a later round.
 */
final class Resolution {
    private final Types types;

    Resolution(Types types) {
        this.types = types;
    }

    /** Whether {@code type} is fully resolved. */
    boolean resolved(TypeElement type) {
        if (!annotationsResolved(type)) {
            return false;
        }
        for (TypeMirror supertype : types.directSupertypes(type.asType())) {
            if (supertype.getKind() == TypeKind.ERROR) {
                return false;
            }
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (m.getReturnType().getKind() == TypeKind.ERROR || !annotationsResolved(m)) {
                return false;
            }
            for (VariableElement p : m.getParameters()) {
                if (p.asType().getKind() == TypeKind.ERROR) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean annotationsResolved(Element element) {
        return element.getAnnotationMirrors().stream().allMatch(this::resolved);
    }

    private boolean resolved(AnnotationMirror a) {
        if (a.getAnnotationType().getKind() == TypeKind.ERROR) {
            return false;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
            if (!ofType(e.getKey().getReturnType(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} holds what a member of type {@code expected} holds (javac puts an error in its place). */
    private boolean ofType(TypeMirror expected, AnnotationValue value) {
        Object v = value.getValue();
        return switch (expected.getKind()) {
            case BOOLEAN -> v instanceof Boolean;
            case BYTE -> v instanceof Byte;
            case SHORT -> v instanceof Short;
            case CHAR -> v instanceof Character;
            case INT -> v instanceof Integer;
            case LONG -> v instanceof Long;
            case FLOAT -> v instanceof Float;
            case DOUBLE -> v instanceof Double;
            case ARRAY -> v instanceof List<?> list && list.stream()
                    .allMatch(item -> ofType(((ArrayType) expected).getComponentType(), (AnnotationValue) item));
            case DECLARED -> declared((DeclaredType) expected, v);
            default -> false;
        };
    }

    private boolean declared(DeclaredType expected, Object v) {
        return switch (expected.asElement().getKind()) {
            case ENUM -> v instanceof VariableElement;
            case ANNOTATION_TYPE -> v instanceof AnnotationMirror inner && resolved(inner);
            default -> ((TypeElement) expected.asElement()).getQualifiedName().contentEquals("java.lang.String")
                    ? v instanceof String : v instanceof TypeMirror t && t.getKind() != TypeKind.ERROR;
        };
    }
}
