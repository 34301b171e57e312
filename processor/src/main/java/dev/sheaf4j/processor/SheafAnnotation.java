package dev.sheaf4j.processor;

import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.Pin;
import dev.sheaf4j.annotation.SheafNetwork;
import dev.sheaf4j.annotation.Skip;
import dev.sheaf4j.annotation.SoftPin;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The annotations the processor reads and claims, each named once, by its class: these and only
 * these are its supported annotation types.
 */
enum SheafAnnotation {
    SHEAF_NETWORK(SheafNetwork.class), INPUT(Input.class), DENSE(Dense.class), OUTPUT(Output.class), PIN(Pin.class),
    PIN_LIST(Pin.List.class), SOFT_PIN(SoftPin.class), SOFT_PIN_LIST(SoftPin.List.class),
    SKIP(Skip.class), SKIP_LIST(Skip.List.class);

    private final String qualifiedName;

    SheafAnnotation(Class<?> annotation) {
        this.qualifiedName = annotation.getCanonicalName();
    }

    /** The canonical name, e.g. {@code dev.sheaf4j.annotation.Pin.List}. */
    String qualifiedName() {
        return qualifiedName;
    }

    /** Whether {@code a} is this annotation. */
    boolean is(AnnotationMirror a) {
        return of(a).orElse(null) == this;
    }

    /** Which of these {@code a} is, if any. */
    static Optional<SheafAnnotation> of(AnnotationMirror a) {
        String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
        return Arrays.stream(values()).filter(s -> s.qualifiedName.equals(name)).findFirst();
    }

    /** The canonical names of all of them. */
    static Set<String> qualifiedNames() {
        return Arrays.stream(values()).map(SheafAnnotation::qualifiedName).collect(Collectors.toUnmodifiableSet());
    }
}
