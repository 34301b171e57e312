package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the blocks of one layer {@code l} live, as coordinates (offsets before they are multiplied
 * by a batch size): the one walk over the layers that the generic kernel, the row pass and the
 * generated kernels' code all take.
 *
 * @param layer {@code l}, from 1
 * @param rows the width of {@code z_l}, the rows of {@code W_l}
 * @param cols the width of the layer's input, the columns of {@code W_l}
 * @param weights the offset of {@code W_l} (row-major) in the parameter array
 * @param biases the offset of {@code b_l} in the parameter array
 * @param input the state coordinate of the input, {@code x} or {@code a_(l-1)}
 * @param pre the state coordinate of {@code z_l}
 * @param post the state coordinate of {@code a_l}; -1 for the last layer
 * @param residual the discrepancy coordinate of the weight edge's {@code r_l}
 * @param activationResidual the discrepancy coordinate of the activation edge's {@code s_l}; -1 for
 *     the last layer
 * @param slope the negative-side slope of a hidden layer's activation; 0 for the last layer
 */
public record LayerSpan(int layer, int rows, int cols, int weights, int biases, int input, int pre, int post,
        int residual, int activationResidual, double slope) {

    /** Whether the layer is hidden, i.e. has an activation edge and an {@code a_l}. */
    public boolean hidden() {
        return post >= 0;
    }

    /** The number of weights and biases of the layer, {@code rows * (cols + 1)}. */
    public long size() {
        return (long) rows * (cols + 1);
    }

    /** The spans of every layer of {@code layout}'s sheaf, first layer first. */
    public static List<LayerSpan> of(SheafLayout layout) {
        Architecture arch = layout.architecture();
        int inputs = arch.inputs();
        List<LayerSpan> spans = new ArrayList<>();
        for (int l = 1; l <= arch.layers(); l++) {
            boolean hidden = l < arch.layers();
            int post = hidden ? layout.postOffset(l) : -1;
            spans.add(new LayerSpan(l, arch.width(l), arch.width(l - 1), arch.weightOffset(l), arch.biasOffset(l),
                    layout.postOffset(l - 1), layout.preOffset(l), post, layout.preOffset(l) - inputs,
                    hidden ? post - inputs : -1, hidden ? arch.slope(l) : 0.0));
        }
        return List.copyOf(spans);
    }
}
