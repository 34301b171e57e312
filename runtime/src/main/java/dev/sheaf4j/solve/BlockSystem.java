package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Hessian of a network's pinned energy at a fixed activation pattern, block tridiagonal in the
 * forward order {@code x, z_1, a_1, ..., z_(k+1)}, restricted to the coordinates being solved for,
 * and solved by block elimination ({@link BlockElimination}, one per solving thread): cost linear in
 * depth; a diagonal block costs its width, an activation block before a layer of at most half its
 * width (a diagonal plus {@code W^T W} of low rank) the cube of that layer's width (Woodbury), any
 * other block the cube of its own (Cholesky).
 *
 * <p>Blocks: {@code x}: {@code W_1^T W_1}; {@code z_l}: {@code I + diag(m_l^2)} ({@code I} plus an
 * optional output Hessian for {@code z_(k+1)}); {@code a_l}: {@code I + W_(l+1)^T W_(l+1)}; coupling of
 * {@code z_l} with its input: {@code -W_l}; of {@code a_l} with {@code z_l}: {@code -diag(m_l)}; soft-pin
 * strengths are added on the diagonal. When {@code a_out} is solved for too, its block {@code I}
 * follows {@code z_(k+1)}, coupled to it by the linearised output edge. The system of plain
 * networks: a skip connection's blocks would break the tridiagonal structure.
 */
final class BlockSystem implements PatternSystem {
    /** The widest layer whose dense square block fits a Java array. */
    private static final int MAX_DENSE_WIDTH = 46340;

    private final Architecture arch;
    private final double[] params;
    private final DMatrixRMaj[] activationBlocks;
    private final SheafLayout layout;
    private DMatrixRMaj inputBlock;

    /**
     * The system of the network with parameters {@code params} (not modified); the
     * pattern-independent blocks {@code I + W_(l+1)^T W_(l+1)} of the hidden activations are computed
     * when a solve first needs them, the input's {@code W_1^T W_1}, wide for wide inputs and needed
     * only when an input is free, by {@link #prepareInput()}.
     *
     * @throws IllegalArgumentException if a layer is too wide for a dense block
     */
    BlockSystem(SheafLayout layout, double[] params) {
        this.arch = layout.architecture();
        int layers = arch.layers();
        for (int l = 0; l <= layers; l++) {
            if (arch.width(l) > MAX_DENSE_WIDTH) {
                Require.arrayLength(arch.width(l), arch.width(l), "the exact solver's dense block of layer " + l
                        + " of " + arch, "use layers of at most " + MAX_DENSE_WIDTH + " neurons");
            }
        }
        activationBlocks = new DMatrixRMaj[layers];
        this.params = params;
        this.layout = layout;
    }

    /**
     * The block {@code I + W_(l+1)^T W_(l+1)} of hidden activation {@code a_l}, row-major, computed on
     * first use: solves that eliminate it by its low rank never need it.
     */
    synchronized double[] activationBlock(int l) {
        if (activationBlocks[l] == null) {
            DMatrixRMaj block = gram(l + 1);
            for (int i = 0; i < arch.width(l); i++) {
                block.add(i, i, 1);
            }
            activationBlocks[l] = block;
        }
        return activationBlocks[l].data;
    }

    /** Computes the input block {@code W_1^T W_1}. */
    @Override
    public synchronized void prepareInput() {
        if (inputBlock == null) {
            inputBlock = gram(1);
        }
    }

    /** {@code W_l^T W_l}, checked. */
    private DMatrixRMaj gram(int l) {
        DMatrixRMaj w = DMatrixRMaj.wrap(arch.width(l), arch.width(l - 1),
                Arrays.copyOfRange(params, arch.weightOffset(l), arch.biasOffset(l)));
        DMatrixRMaj gram = new DMatrixRMaj(arch.width(l - 1), arch.width(l - 1));
        CommonOps_DDRM.multTransA(w, w, gram);
        if (Require.firstNonFinite(gram.data) >= 0) {
            throw overflow(l);
        }
        return gram;
    }

    /** The refusal of a product of {@code W_l} with itself that overflowed. */
    static NonFiniteException overflow(int l) {
        return new NonFiniteException("the pinned equilibrium is not finite: W_" + l + "^T W_" + l
                + " overflows; the weights of layer " + l + " are too large for double precision");
    }

    /** A {@link BlockElimination} of this system, which keeps its arrays from one solve to the next. */
    @Override
    public BlockElimination local() {
        return new BlockElimination(this, layout);
    }

    /** By block elimination in the forward order, in new arrays; a refusal names the vertex whose block failed. */
    @Override
    public double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] rhs) {
        return local().solve(solved, masks, diagonal, outputHessian, outputCoupling, rhs);
    }

    /** The name of vertex {@code v} in forward order (see {@link BlockElimination#layer}), for a refusal. */
    static String vertexName(int v) {
        return v == 0 ? "x" : (BlockElimination.isPre(v) ? "z_" : "a_") + BlockElimination.layer(v);
    }

    /** The parameters, not to be modified. */
    double[] params() {
        return params;
    }

    /** The input block {@code W_1^T W_1}, row-major; {@link #prepareInput()} must have computed it. */
    synchronized double[] inputBlock() {
        if (inputBlock == null) {
            throw new IllegalStateException("prepareInput() must precede a solve with a free input");
        }
        return inputBlock.data;
    }
}
