package dev.sheaf4j.processor.model;

import java.util.List;

/** A method declared in a network's type, with what the layer rules need to know of it: its
 * layer annotations, pins and skips into it. */
public record MethodDeclaration(String name, int parameterCount, boolean returnsLayer, boolean isAbstract,
        boolean isStatic, List<LayerAnnotation> layers, List<PinDeclaration> pins, List<SkipDeclaration> skips,
        Origin origin) {
}
