package dev.sheaf4j.train;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * The weight step of a local rule, from its gradient estimate: the rate of its schedule, momentum
 * ({@code v = mu v + g}, {@code w -= rate v}), and, when asked, each layer's rate divided by
 * {@code 1 + mean_s |a_(l-1)|^2} of the batch (a skip's projection's by that of its source {@code
 * a_from}), so that a layer whose inputs are large (MNIST's pixels, {@code |x|^2} near 100) takes
 * steps of the size of the others.
 */
final class LocalWeightStep {
    private final SheafLayout layout;
    private final NudgeSettings settings;
    private final List<WeightBlocks> blocks;
    private final double[] velocity;
    private long steps;

    LocalWeightStep(SheafLayout layout, NudgeSettings settings) {
        this.layout = layout;
        Architecture arch = layout.architecture();
        this.settings = settings;
        this.blocks = WeightBlocks.of(arch);
        this.velocity = new double[arch.parameterCount()];
    }

    /** Moves {@code params} against {@code gradient}; {@code state} holds the batch's {@code n} samples. */
    void apply(double[] params, double[] gradient, double[] state, int n) {
        double rate = settings.rateAt(steps++);
        double mu = settings.momentum();
        for (WeightBlocks block : blocks) {
            double blockRate = settings.layerScaled() ? rate * block.scale(layout, state, n) : rate;
            for (int i = block.from(); i < block.to(); i++) {
                velocity[i] = mu * velocity[i] + gradient[i];
                params[i] -= blockRate * velocity[i];
            }
        }
    }
}
