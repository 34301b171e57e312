package dev.sheaf4j.train;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters in blocks that one stalk feeds, for weight rates scaled by the size of their
 * input: each layer's weights and biases (fed by {@code a_(l-1)}, {@code x} for the first), then each
 * skip's projection (fed by {@code a_from}).
 *
 * @param from the block's first parameter
 * @param to one past its last parameter
 * @param source the layer of the stalk feeding it: 0 for the input
 */
record WeightBlocks(int from, int to, int source) {

    /** The blocks of {@code arch}'s parameters, in the flat order; together they cover them all. */
    static List<WeightBlocks> of(Architecture arch) {
        List<WeightBlocks> blocks = new ArrayList<>();
        for (int l = 1; l <= arch.layers(); l++) {
            blocks.add(new WeightBlocks(arch.weightOffset(l), arch.biasOffset(l) + arch.width(l), l - 1));
        }
        for (int i = 0; i < arch.skips().size(); i++) {
            Skip skip = arch.skips().get(i);
            if (skip.projected()) {
                int offset = arch.projectionOffset(i);
                blocks.add(new WeightBlocks(offset, offset + arch.width(skip.to()) * arch.width(skip.from()),
                        skip.from()));
            }
        }
        return List.copyOf(blocks);
    }

    /**
     * The factor of this block's rate, {@code 1 / (1 + mean_s |a_source|^2)}: one over one plus the
     * squared length of its input, averaged over the {@code n} samples of {@code state}.
     */
    double scale(SheafLayout layout, double[] state, int n) {
        int first = layout.postOffset(source) * n;
        double sum = 0;
        for (int i = first; i < first + layout.architecture().width(source) * n; i++) {
            sum += state[i] * state[i];
        }
        return 1 / (1 + sum / n);
    }
}
