package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.network.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where every vertex and edge of a network's sheaf lives in the flat arrays the kernels work on.
 *
 * <p>The state vector holds, in forward order, {@code x, z_1, a_1, ..., z_k, a_k, z_(k+1)} and
 * {@code a_out} when the head is not the identity. The free coordinates {@code Omega} of the
 * unpinned sheaf are everything after {@code x}. A batch of {@code B} samples is stored in
 * {@code (coordinate, sample)} layout: coordinate {@code c} of sample {@code s} sits at
 * {@code c * B + s}.
 *
 * <p>The discrepancy vector has one block per edge in edge order (weight 1, activation 1, ...,
 * weight {@code k+1}, output); each edge's block has the width of, and sits at the same position
 * (less {@code n0}) as, the vertex the edge points into, so it is as long as {@code Omega}. The
 * weight edge into a layer that receives skip connections is a {@link EdgeKind#RESIDUAL} edge: the
 * skips ride on it, adding tails but no coordinates, so the layout is that of the plain network.
 */
public final class SheafLayout {
    private final Architecture architecture;
    private final List<Vertex> vertices;
    private final List<Edge> edges;
    private final int[] preOffsets;
    private final int[] postOffsets;
    private final int stateSize;

    /** The layout of {@code architecture}'s sheaf. */
    public SheafLayout(Architecture architecture) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        int layers = architecture.layers();
        preOffsets = new int[layers + 1];
        postOffsets = new int[layers + 1];
        List<Vertex> v = new ArrayList<>();
        List<Edge> e = new ArrayList<>();
        int n0 = architecture.inputs();
        v.add(new Vertex(0, Stalk.PRE, 0, n0));
        postOffsets[0] = 0;
        int offset = n0;
        for (int l = 1; l <= layers; l++) {
            int n = architecture.width(l);
            preOffsets[l] = offset;
            v.add(new Vertex(l, Stalk.PRE, offset, n));
            e.add(new Edge(receivesSkips(architecture, l) ? EdgeKind.RESIDUAL : EdgeKind.WEIGHT, l, offset - n0, n));
            offset += n;
            boolean hasPost = l < layers || architecture.hasOutputVertex();
            postOffsets[l] = hasPost ? offset : -1;
            if (hasPost) {
                v.add(new Vertex(l, Stalk.POST, offset, n));
                e.add(new Edge(l < layers ? EdgeKind.ACTIVATION : EdgeKind.OUTPUT, l, offset - n0, n));
                offset += n;
            }
        }
        this.stateSize = offset;
        this.vertices = List.copyOf(v);
        this.edges = List.copyOf(e);
    }

    private static boolean receivesSkips(Architecture architecture, int layer) {
        return architecture.skips().stream().anyMatch(skip -> skip.to() == layer);
    }

    /** The architecture this layout describes. */
    public Architecture architecture() {
        return architecture;
    }

    /** Number of weight layers {@code k + 1}. */
    public int layers() {
        return architecture.layers();
    }

    /** Vertices in forward order. */
    public List<Vertex> vertices() {
        return vertices;
    }

    /** Edges in edge order. */
    public List<Edge> edges() {
        return edges;
    }

    /** Length of one sample's state: {@code x} and every free stalk. */
    public int stateSize() {
        return stateSize;
    }

    /**
     * Length of the state array of {@code batch} samples.
     *
     * @throws IllegalArgumentException if no Java array holds that many values
     */
    public int stateLength(int batch) {
        return Require.arrayLength(stateSize, Require.atLeastOne(batch, "batch size"),
                "a state of " + batch + " samples of " + architecture, "use fewer samples per batch");
    }

    /** Length of one sample's discrepancy vector (equal to the number of free coordinates). */
    public int discrepancySize() {
        return stateSize - architecture.inputs();
    }

    /**
     * Dimension of {@code L_free}: the free coordinates {@code z_1, a_1, ..., z_(k+1)} of the linear
     * part of the sheaf ({@code a_out} is excluded, as the output edge never enters {@code L_free}).
     */
    public int freeDimension() {
        return linearEnd() - architecture.inputs();
    }

    /** End (exclusive) of the linear part of the state: the start of {@code a_out}, or the state size. */
    public int linearEnd() {
        return architecture.hasOutputVertex() ? postOffsets[layers()] : stateSize;
    }

    /** Offset of {@code z_l}, {@code l = 1..k+1}; layer 0 gives the input's offset, 0. */
    public int preOffset(int layer) {
        return preOffsets[layer];
    }

    /** Offset of {@code a_l} ({@code l = 1..k}) or {@code a_out} ({@code l = k+1}); -1 if absent. */
    public int postOffset(int layer) {
        return postOffsets[layer];
    }

    /** Offset of {@code a_out}, or -1 for an identity head. */
    public int outputVertexOffset() {
        return postOffsets[layers()];
    }

    /**
     * Index of {@code coordinate} in one sample's state.
     *
     * @throws IllegalArgumentException if the network has no such coordinate
     */
    public int index(Coordinate coordinate) {
        int layer = coordinate.layer();
        if (layer < 0 || layer > layers()) {
            throw new IllegalArgumentException("no layer " + layer + " for " + coordinate + ": the network "
                    + architecture + " has layers 0 (input) to " + layers());
        }
        int offset;
        if (coordinate.stalk() == Stalk.PRE) {
            offset = preOffsets[layer];
        } else if (layer == 0) {
            throw new IllegalArgumentException("the input has a single stalk x: address it as PRE, not " + coordinate);
        } else if (postOffsets[layer] < 0) {
            throw new IllegalArgumentException("the identity output has no POST stalk (a_out); pin z_" + layer
                    + " (PRE) instead of " + coordinate);
        } else {
            offset = postOffsets[layer];
        }
        int width = architecture.width(layer);
        if (coordinate.neuron() < 0 || coordinate.neuron() >= width) {
            throw new IllegalArgumentException("neuron " + coordinate.neuron() + " does not exist in layer " + layer
                    + " of width " + width + " (" + coordinate + ")");
        }
        return offset + coordinate.neuron();
    }

    /** The vertex holding state index {@code index}. */
    public Vertex vertexAt(int index) {
        for (Vertex v : vertices) {
            if (index >= v.offset() && index < v.offset() + v.width()) {
                return v;
            }
        }
        throw new IllegalArgumentException("state index " + index + " outside 0.." + (stateSize - 1));
    }

    /** Names entry {@code index} of a state array of {@code batch} samples: {@code z_2[3] of sample 1}. */
    public String stateEntry(int index, int batch) {
        int coordinate = index / batch;
        Vertex v = vertexAt(coordinate);
        return name(v) + "[" + (coordinate - v.offset()) + "] of sample " + (index % batch);
    }

    /** The vertex name ({@code x}, {@code z_1}, {@code a_out}, ...) of {@code vertex}. */
    public String name(Vertex vertex) {
        return vertex.name(layers());
    }
}
