package dev.sheaf4j.processor;

import dev.sheaf4j.processor.model.Origin;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** An {@link Origin} as javac knows it: an element, optionally an annotation on it and one of its values. */
record ElementOrigin(Element element, AnnotationMirror annotation, AnnotationValue value) implements Origin {
}
