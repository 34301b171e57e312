package dev.sheaf4j.solve;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.LayerSpan;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Newton system of any network's pinned energy at a fixed activation pattern, assembled as one
 * dense matrix on the coordinates being solved for and factorised by Cholesky ({@link
 * DenseCholesky}): the system of residual networks, whose skips couple vertices far apart. Cost: the
 * cube of the number of coordinates solved for, per solve; a pinned input is not among them.
 *
 * <p>The weight edges' part {@code sum_l J_l^T J_l}, {@code J_l} the Jacobian of {@code r_l} (blocks
 * {@code -I} on {@code z_l}, {@code W_l} on {@code a_(l-1)} and {@code P} on each source of a skip
 * into layer {@code l}), does not depend on the pattern: it is computed once per weights over the
 * stalks after the input, and once over the input too when a solve leaves an input free. Each solve
 * adds the activation edges' {@code [m^2, -m; -m, 1]} on {@code (z_l, a_l)}, the soft pins'
 * strengths, the output's Hessian on {@code z_(k+1)} and, when {@code a_out} is solved for, its
 * block {@code I} and coupling.
 */
final class AssembledSystem implements PatternSystem {
    private final SheafLayout layout;
    private final Architecture arch;
    private final double[] params;
    private DMatrixRMaj stalks;
    private DMatrixRMaj withInput;

    /**
     * The system of the network with parameters {@code params} (not modified).
     *
     * @throws IllegalArgumentException if the state is too large for a dense matrix
     */
    AssembledSystem(SheafLayout layout, double[] params) {
        this.layout = layout;
        this.arch = layout.architecture();
        this.params = params;
        Require.arrayLength(layout.stateSize(), layout.stateSize(), "the exact solver's dense Newton matrix of "
                + arch, "use fewer neurons");
    }

    /** An {@link AssembledSolve} of this system, which keeps its matrix from one solve to the next. */
    @Override
    public AssembledSolve local() {
        return new AssembledSolve(this, layout);
    }

    @Override
    public synchronized void prepareInput() {
        if (withInput == null) {
            withInput = weightEdges(0);
        }
    }

    /** The weight edges' part over the stalks after the input, or over the input too when {@code inputFree}. */
    DMatrixRMaj weightEdgesPart(boolean inputFree) {
        return inputFree ? withInput() : stalks();
    }

    private synchronized DMatrixRMaj stalks() {
        if (stalks == null) {
            stalks = weightEdges(arch.inputs());
        }
        return stalks;
    }

    private synchronized DMatrixRMaj withInput() {
        if (withInput == null) {
            throw new IllegalStateException("prepareInput() must precede a solve with a free input");
        }
        return withInput;
    }

    /**
     * {@code sum_l J_l^T J_l} over the state coordinates from {@code first} to the end of the linear
     * part: every pair of column blocks of each weight edge's Jacobian contributes {@code M_A^T M_B}.
     *
     * @throws NonFiniteException if it overflows
     */
    private DMatrixRMaj weightEdges(int first) {
        int n = layout.linearEnd() - first;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        List<SkipSpan> skips = SkipSpan.of(layout);
        for (LayerSpan l : LayerSpan.of(layout)) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block(l.pre(), identity(l.rows(), -1)));
            blocks.add(new Block(l.input(), DMatrixRMaj.wrap(l.rows(), l.cols(),
                    Arrays.copyOfRange(params, l.weights(), l.biases()))));
            for (SkipSpan skip : SkipSpan.into(skips, l.layer())) {
                blocks.add(new Block(skip.source(), skip.projected() ? DMatrixRMaj.wrap(skip.rows(), skip.cols(),
                        Arrays.copyOfRange(params, skip.projection(), skip.projection() + skip.rows() * skip.cols()))
                        : identity(skip.rows(), 1)));
            }
            blocks.removeIf(b -> b.offset() < first);
            for (Block a : blocks) {
                for (Block b : blocks) {
                    DMatrixRMaj product = new DMatrixRMaj(a.matrix().numCols, b.matrix().numCols);
                    CommonOps_DDRM.multTransA(a.matrix(), b.matrix(), product);
                    addBlock(gram, a.offset() - first, b.offset() - first, product);
                }
            }
        }
        if (Require.firstNonFinite(gram.data) >= 0) {
            throw new NonFiniteException("the pinned equilibrium is not finite: the weight edges' products W^T W"
                    + " overflow; the weights are too large for double precision");
        }
        return gram;
    }

    /** One column block of a weight edge's Jacobian: {@code matrix} acting on the stalk at state {@code offset}. */
    private record Block(int offset, DMatrixRMaj matrix) {
    }

    private static DMatrixRMaj identity(int n, double scale) {
        DMatrixRMaj m = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(scale, m);
        return m;
    }

    private static void addBlock(DMatrixRMaj into, int row, int col, DMatrixRMaj block) {
        for (int i = 0; i < block.numRows; i++) {
            for (int j = 0; j < block.numCols; j++) {
                into.add(row + i, col + j, block.get(i, j));
            }
        }
    }

    /** By an {@link AssembledSolve} in new arrays. */
    @Override
    public double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] rhs) {
        return local().solve(solved, masks, diagonal, outputHessian, outputCoupling, rhs);
    }
}
