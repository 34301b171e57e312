package dev.sheaf4j.processor.model;

/** Which layer annotation a method carries. */
public enum LayerKind {
    INPUT("@Input"), DENSE("@Dense"), OUTPUT("@Output");

    private final String annotation;

    LayerKind(String annotation) {
        this.annotation = annotation;
    }

    /** The annotation as a user writes it, e.g. {@code @Dense}. */
    public String annotation() {
        return annotation;
    }
}
