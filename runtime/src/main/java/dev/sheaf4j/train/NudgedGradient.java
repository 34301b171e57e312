package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.solve.PinnedEquilibrium;
import dev.sheaf4j.solve.SingularSystemException;

/**
 * The gradient of a batch's loss estimated without a backward pass, from nudged equilibria.
 *
 * <p>The free equilibrium of the stalks (the forward pass, or the pinned equilibrium when other
 * pins are held) has every weight edge at rest. Each sample's output {@code z_(k+1)} is then softly
 * pinned, with strength {@code beta}, towards {@code z - g}, where {@code g} is the gradient of the
 * sample's loss at the free output: near the free state this adds {@code beta} times the loss to
 * the energy. The stalks settle at the exact nudged equilibrium, and the estimate is the local
 * weight gradient there, {@code sum_s r_l a_(l-1)^T} per layer (and {@code sum_s r_l} per bias,
 * {@code sum_s r_to a_from^T} per skip's projection), divided by {@code beta} and the batch size. Symmetric estimates contrast the nudges towards and
 * away from the target ({@code z + g}) and divide by {@code 2 beta}; the one-sided estimate
 * contrasts the nudged with the free equilibrium. As {@code beta} goes to zero both tend to the
 * gradient backpropagation computes.
 */
final class NudgedGradient {
    private final SheafKernel kernel;
    private final SheafLayout layout;
    private final Architecture arch;
    private final Pins pins;
    private final PinSet pinSet;
    private final Workspace workspace;
    private final double strength;
    private final boolean symmetric;
    private final double[] stepped;
    private final double[] away;

    /** Estimates for batches of {@code batch} samples, with {@code pins} held, at nudge {@code strength}. */
    NudgedGradient(SheafKernel kernel, Pins pins, int batch, double strength, boolean symmetric) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        this.arch = layout.architecture();
        this.pins = pins;
        this.pinSet = pins.compile(layout, batch);
        this.workspace = new Workspace(layout, batch);
        this.strength = strength;
        this.symmetric = symmetric;
        this.stepped = new double[arch.parameterCount()];
        this.away = new double[arch.parameterCount()];
    }

    /**
     * Writes the estimate of the gradient of the loss of the batch in {@code state} (inputs set,
     * {@code (coordinate, sample)} layout) against {@code targets} into {@code gradient}; leaves
     * {@code state} at the nudged equilibrium and returns the largest stalk move from the free one.
     *
     * @throws NonFiniteException if the weights or an equilibrium are not finite
     * @throws SingularSystemException if an equilibrium cannot be solved
     */
    double estimate(double[] params, double[] state, double[] targets, double[] gradient) {
        if (Require.firstNonFinite(params) >= 0) {
            throw new NonFiniteException("the weights became non-finite");
        }
        int n = workspace.batch();
        Network network = new Network(arch, params);
        kernel.forward(params, state, n);
        double[] free = pins.pins().isEmpty() ? state.clone() : solve(network, state, pins, false);
        double[] outputs = Predictions.outputsOf(layout, free, n);
        double[] lossGradient = new double[outputs.length];
        Loss.gradient(arch.head(), outputs, targets, arch.outputs(), n, lossGradient, 0);
        double[] toward = solve(network, free, pins.and(nudge(free, lossGradient, -1)), true);
        weightGradient(params, toward, gradient);
        if (symmetric) {
            weightGradient(params, solve(network, free, pins.and(nudge(free, lossGradient, 1)), true), away);
        } else {
            weightGradient(params, free, away);
        }
        double scale = 1.0 / ((symmetric ? 2 : 1) * strength * n);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (gradient[i] - away[i]) * scale;
        }
        double moved = 0;
        for (int i = 0; i < layout.linearEnd() * n; i++) {
            moved = Math.max(moved, Math.abs(toward[i] - free[i]));
        }
        System.arraycopy(toward, 0, state, 0, state.length);
        return moved;
    }

    /** Soft pins of strength {@code beta} on {@code z_(k+1)} towards {@code z + sign * n g}, one target per sample. */
    private Pins nudge(double[] free, double[] lossGradient, int sign) {
        int n = workspace.batch();
        int from = layout.preOffset(arch.layers()) * n;
        Pins.Builder nudge = Pins.builder();
        for (int i = 0; i < arch.outputs(); i++) {
            double[] target = new double[n];
            for (int s = 0; s < n; s++) {
                target[s] = free[from + i * n + s] + sign * n * lossGradient[i * n + s];
            }
            nudge.soft(Coordinate.pre(arch.layers(), i), target, strength);
        }
        return nudge.build();
    }

    private double[] solve(Network network, double[] start, Pins held, boolean warm) {
        SheafState initial = new SheafState(layout, workspace.batch(), start.clone());
        return PinnedEquilibrium.solve(kernel, network, initial, held,
                EquilibriumSettings.defaults().withWarmStart(warm)).state().values();
    }

    /**
     * {@code out = sum_s r_l a_(l-1)^T} (and {@code sum_s r_l} for the biases, {@code sum_s r_to
     * a_from^T} for the projections) at the stalks {@code state}.
     */
    private void weightGradient(double[] params, double[] state, double[] out) {
        System.arraycopy(params, 0, stepped, 0, params.length);
        kernel.trainingStep(stepped, state.clone(), new double[arch.outputs() * workspace.batch()], 0.0, 1.0, pinSet,
                workspace);
        for (int i = 0; i < out.length; i++) {
            out[i] = params[i] - stepped[i];
        }
    }
}
