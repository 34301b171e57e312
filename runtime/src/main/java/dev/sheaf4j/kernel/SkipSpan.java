package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the blocks of one skip connection live, as coordinates (offsets before they are multiplied
 * by a batch size), as {@link LayerSpan} says for a layer: the skip adds {@code P a_from} to the
 * weight edge of its target layer, so to {@code z_to} in the forward pass and to {@code r_to} in the
 * discrepancies, and its pull {@code -P^T r_to} lands on {@code a_from}.
 *
 * @param skip the connection
 * @param rows the width of {@code z_to}
 * @param cols the width of {@code a_from}
 * @param projection the offset of {@code P} (row-major) in the parameter array; -1 for an identity skip
 * @param source the state coordinate of {@code a_from} ({@code x} when {@code from} is 0)
 * @param pre the state coordinate of {@code z_to}
 * @param residual the discrepancy coordinate of {@code r_to}
 */
public record SkipSpan(Skip skip, int rows, int cols, int projection, int source, int pre, int residual) {

    /** Whether {@code P} is a learned projection, not the identity. */
    public boolean projected() {
        return projection >= 0;
    }

    /** The layer whose pre-activation receives the skip. */
    public int to() {
        return skip.to();
    }

    /**
     * {@code dst[to..] += P a_from} on a batch in {@code (coordinate, sample)} layout, {@code to} an
     * element offset: the skip's term in {@code z_to} (forward pass) or {@code r_to} (discrepancy).
     */
    public void addTerm(double[] params, double[] state, double[] dst, int to, int batch) {
        if (projected()) {
            LayerLoops.addProduct(params, projection, rows, cols, state, source * batch, dst, to, batch);
        } else {
            LayerLoops.addRows(state, source * batch, dst, to, rows * batch, 1.0);
        }
    }

    /** {@code force[a_from] -= P^T r_to}, given the discrepancies {@code d}: the skip's pull on its source. */
    public void pullBack(double[] params, double[] d, double[] force, int batch) {
        if (projected()) {
            LayerLoops.pullBack(params, projection, rows, cols, d, residual * batch, force, source * batch, batch);
        } else {
            LayerLoops.addRows(d, residual * batch, force, source * batch, rows * batch, -1.0);
        }
    }

    /** {@code P -= betaDt sum_s r_to a_from^T} for a projection; nothing for an identity skip. */
    public void descend(double[] params, double[] d, double[] state, int batch, double betaDt) {
        if (projected()) {
            LayerLoops.descendProduct(params, projection, rows, cols, d, residual * batch, state, source * batch,
                    batch, betaDt);
        }
    }

    /** The spans of every skip of {@code layout}'s sheaf, in the architecture's order (by target layer). */
    public static List<SkipSpan> of(SheafLayout layout) {
        Architecture arch = layout.architecture();
        List<SkipSpan> spans = new ArrayList<>();
        for (int i = 0; i < arch.skips().size(); i++) {
            Skip skip = arch.skips().get(i);
            int pre = layout.preOffset(skip.to());
            spans.add(new SkipSpan(skip, arch.width(skip.to()), arch.width(skip.from()), arch.projectionOffset(i),
                    layout.postOffset(skip.from()), pre, pre - arch.inputs()));
        }
        return List.copyOf(spans);
    }

    /** The spans of the skips into layer {@code layer}, from {@code spans}. */
    public static List<SkipSpan> into(List<SkipSpan> spans, int layer) {
        return spans.stream().filter(s -> s.to() == layer).toList();
    }

    /** The spans of {@code layout}'s skips by target: entry {@code l - 1} holds the skips into layer {@code l}. */
    public static List<List<SkipSpan>> byTarget(SheafLayout layout) {
        List<SkipSpan> spans = of(layout);
        List<List<SkipSpan>> byTarget = new ArrayList<>();
        for (int l = 1; l <= layout.layers(); l++) {
            byTarget.add(into(spans, l));
        }
        return List.copyOf(byTarget);
    }
}
