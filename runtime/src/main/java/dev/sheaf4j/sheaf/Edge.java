package dev.sheaf4j.sheaf;

/**
 * One edge of the sheaf: its kind, its layer {@code l} (the output edge belongs to the last layer),
 * where its discrepancy starts in the discrepancy vector, and its stalk width.
 */
public record Edge(EdgeKind kind, int layer, int offset, int width) {
    /** A readable name such as {@code weight 2}. */
    public String name() {
        return kind == EdgeKind.OUTPUT ? "output" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + layer;
    }
}
