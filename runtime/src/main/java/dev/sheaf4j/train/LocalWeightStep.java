package dev.sheaf4j.train;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The weight step of a local rule, from its gradient estimate: the rate of its schedule, momentum
 * ({@code v = mu v + g}, {@code w -= rate v}), and, when asked, each layer's rate divided by
 * {@code 1 + mean_s |a_(l-1)|^2} of the batch, so that a layer whose inputs are large (MNIST's
 * pixels, {@code |x|^2} near 100) takes steps of the size of the others.
 */
final class LocalWeightStep {
    private final SheafLayout layout;
    private final Architecture arch;
    private final NudgeSettings settings;
    private final double[] velocity;
    private long steps;

    LocalWeightStep(SheafLayout layout, NudgeSettings settings) {
        this.layout = layout;
        this.arch = layout.architecture();
        this.settings = settings;
        this.velocity = new double[arch.parameterCount()];
    }

    /** Moves {@code params} against {@code gradient}; {@code state} holds the batch's {@code n} samples. */
    void apply(double[] params, double[] gradient, double[] state, int n) {
        double rate = settings.rateAt(steps++);
        double mu = settings.momentum();
        for (int l = 1; l <= arch.layers(); l++) {
            double layerRate = settings.layerScaled() ? rate * layerScale(layout, state, l, n) : rate;
            int from = arch.weightOffset(l);
            int to = arch.biasOffset(l) + arch.width(l);
            for (int i = from; i < to; i++) {
                velocity[i] = mu * velocity[i] + gradient[i];
                params[i] -= layerRate * velocity[i];
            }
        }
    }

    /**
     * The factor of layer {@code l}'s weight rate, {@code 1 / (1 + mean_s |a_(l-1)|^2)}: one over one plus
     * the squared length of the layer's input, averaged over the {@code n} samples of {@code state}.
     */
    static double layerScale(SheafLayout layout, double[] state, int l, int n) {
        int from = layout.postOffset(l - 1) * n;
        double sum = 0;
        for (int i = from; i < from + layout.architecture().width(l - 1) * n; i++) {
            sum += state[i] * state[i];
        }
        return 1 / (1 + sum / n);
    }
}
