package dev.sheaf4j.sheaf;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Discord of a state: for each edge, the squared norm of its discrepancy averaged over the batch;
 * the total over edges (for one sample, twice the edge energy); and sums by layer (weight {@code l}
 * and activation {@code l}; the output edge belongs to the last layer) and by edge kind (a layer's
 * weight edge counts as {@link EdgeKind#RESIDUAL} when skip connections land on it).
 */
public final class Discord {
    private final List<Edge> edges;
    private final double[] perEdge;

    private Discord(List<Edge> edges, double[] perEdge) {
        this.edges = edges;
        this.perEdge = perEdge;
    }

    /**
     * The discord of discrepancies {@code discrepancy} ({@code (edge coordinate, sample)} layout for
     * {@code batch} samples) on {@code layout}'s sheaf.
     *
     * @throws dev.sheaf4j.sheaf.NonFiniteException if a squared discrepancy overflows
     */
    public static Discord of(SheafLayout layout, double[] discrepancy, int batch) {
        List<Edge> edges = layout.edges();
        double[] perEdge = new double[edges.size()];
        for (int e = 0; e < perEdge.length; e++) {
            Edge edge = edges.get(e);
            double sum = 0;
            for (int i = edge.offset() * batch; i < (edge.offset() + edge.width()) * batch; i++) {
                sum += discrepancy[i] * discrepancy[i];
            }
            perEdge[e] = sum / batch;
        }
        Discord discord = new Discord(edges, perEdge);
        FiniteCheck.energy("the discord", discord.total(), layout, discrepancy, batch);
        return discord;
    }

    /** The edges, in edge order. */
    public List<Edge> edges() {
        return edges;
    }

    /** Discord of edge {@code e} (index into {@link #edges()}). */
    public double edge(int e) {
        return perEdge[e];
    }

    /** Discord of the edge of {@code kind} in {@code layer}, or 0 if there is none. */
    public double edge(EdgeKind kind, int layer) {
        for (int e = 0; e < perEdge.length; e++) {
            if (edges.get(e).kind() == kind && edges.get(e).layer() == layer) {
                return perEdge[e];
            }
        }
        return 0;
    }

    /** Sum over all edges. */
    public double total() {
        double sum = 0;
        for (double d : perEdge) {
            sum += d;
        }
        return sum;
    }

    /** Sums by layer {@code 1..k+1}, in layer order. */
    public Map<Integer, Double> byLayer() {
        Map<Integer, Double> sums = new TreeMap<>();
        for (int e = 0; e < perEdge.length; e++) {
            sums.merge(edges.get(e).layer(), perEdge[e], Double::sum);
        }
        return Collections.unmodifiableMap(sums);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discord other && edges.equals(other.edges) && Arrays.equals(perEdge, other.perEdge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(edges, Arrays.hashCode(perEdge));
    }

    /** {@code Discord[total 0.3; weight 1: 0.1, activation 1: 0.2, ...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Discord[total ").append(total());
        for (int e = 0; e < perEdge.length; e++) {
            s.append(e == 0 ? "; " : ", ").append(edges.get(e).name()).append(": ").append(perEdge[e]);
        }
        return s.append(']').toString();
    }

    /** Sum over the weight edges, with skips ({@link EdgeKind#RESIDUAL}) or without ({@link EdgeKind#WEIGHT}). */
    public double weightEdges() {
        double sum = 0;
        for (int e = 0; e < perEdge.length; e++) {
            if (edges.get(e).kind().isWeight()) {
                sum += perEdge[e];
            }
        }
        return sum;
    }

    /** Sums by edge kind. */
    public Map<EdgeKind, Double> byKind() {
        Map<EdgeKind, Double> sums = new EnumMap<>(EdgeKind.class);
        for (int e = 0; e < perEdge.length; e++) {
            sums.merge(edges.get(e).kind(), perEdge[e], Double::sum);
        }
        return Collections.unmodifiableMap(sums);
    }
}
