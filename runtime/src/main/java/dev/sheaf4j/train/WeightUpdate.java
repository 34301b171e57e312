package dev.sheaf4j.train;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * The weight step of a {@link StepRule} from a gradient or its estimate, keeping the momentum's
 * velocity between steps; when asked, each layer's rate is divided by {@code 1 + mean_s
 * |a_(l-1)|^2} of the batch (a skip's projection's by that of its source {@code a_from}), so that a
 * layer whose inputs are large (MNIST's pixels, {@code |x|^2} near 100) takes steps of the size of
 * the others.
 */
final class WeightUpdate {
    private final SheafLayout layout;
    private final StepRule rule;
    private final boolean layerScaled;
    private final List<WeightBlocks> blocks;
    private final double[] velocity;
    private long steps;

    WeightUpdate(SheafLayout layout, StepRule rule, boolean layerScaled) {
        this.layout = layout;
        Architecture arch = layout.architecture();
        this.rule = rule;
        this.layerScaled = layerScaled;
        this.blocks = WeightBlocks.of(arch);
        this.velocity = new double[arch.parameterCount()];
    }

    /**
     * Moves {@code params} against {@code gradient}; {@code state} holds the batch's {@code n}
     * samples (read only for per-layer rates).
     */
    void apply(double[] params, double[] gradient, double[] state, int n) {
        double rate = rule.rateAt(steps++);
        double mu = rule.momentum();
        for (WeightBlocks block : blocks) {
            double blockRate = layerScaled ? rate * block.scale(layout, state, n) : rate;
            for (int i = block.from(); i < block.to(); i++) {
                velocity[i] = mu * velocity[i] + gradient[i];
                params[i] -= blockRate * velocity[i];
            }
        }
    }
}
