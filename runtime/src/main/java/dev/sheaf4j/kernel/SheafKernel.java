package dev.sheaf4j.kernel;

import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The hot loops of one network's sheaf, on batches in {@code (coordinate, sample)} layout (see
 * {@link SheafLayout}). Everything above the loops (diffusion, equilibria, training, diagnostics)
 * talks to this contract; {@link GenericKernel} implements it for any architecture and generated
 * kernels implement it for one, both on top of {@link AbstractSheafKernel}. Implementations are
 * stateless and never allocate: scratch lives in a {@link Workspace}.
 *
 * <p>Arrays: {@code params} is the flat parameter array of the architecture; {@code state} holds
 * {@code layout().stateSize() * batch} values; discrepancies {@code layout().discrepancySize() *
 * batch}; training targets {@code outputs * batch}.
 */
public interface SheafKernel {
    /** The sheaf this kernel computes on. */
    SheafLayout layout();

    /**
     * The forward pass: reads {@code x} from {@code state} and overwrites every other stalk with
     * {@code z_l = W_l a_(l-1) + b_l}, {@code a_l = m_l * z_l}, {@code a_out = phi(z_(k+1))}.
     */
    void forward(double[] params, double[] state, int batch);

    /**
     * Every edge's discrepancy (predicted minus actual), masks taken from the current {@code z}:
     * {@code r_l}, {@code s_l} and {@code o}, in edge order.
     */
    void discrepancies(double[] params, double[] state, int batch, double[] out);

    /**
     * Minus the gradient of the edge energy {@code E = 1/2 sum |disc|^2} at every state coordinate,
     * including {@code x}; the output edge pushes on {@code z_(k+1)} as {@code mode} says. Uses the
     * workspace's discrepancy and output buffers.
     */
    void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out);

    /**
     * One forward-Euler step of the heat equation: forces (plus soft-pin forces) from the old state,
     * then {@code v += alphaDt * force} on every coordinate {@code pins} leaves free; fixed
     * coordinates are untouched. Returns the largest absolute change of a free coordinate (NaN if
     * the state became non-finite).
     */
    double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace);

    /**
     * One joint step of training without a backward pass, everything computed from
     * the old stalks and weights: the stalks move by {@code alphaDt} times their forces, the target
     * entering through the output edge as {@code g = phi(z_(k+1)) - y} (no Jacobian); each layer's
     * weights and biases move by {@code -betaDt} times the residual {@code r_l} times {@code a_(l-1)},
     * summed over the batch. The {@code a_out} stalk is not used. Returns the largest absolute change
     * of a free stalk coordinate (NaN if the state became non-finite).
     */
    double trainingStep(double[] params, double[] state, double[] targets, double alphaDt, double betaDt, PinSet pins,
            Workspace workspace);
}
