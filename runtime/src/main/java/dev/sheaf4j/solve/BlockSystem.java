package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Hessian of a network's pinned energy at a fixed activation pattern, block tridiagonal in the
 * forward order {@code x, z_1, a_1, ..., z_(k+1)}, restricted to the coordinates being solved for,
 * and solved by block elimination: cost linear in depth; a diagonal block costs its width, an
 * activation block before a layer of at most half its width (a diagonal plus {@code W^T W} of low
 * rank) the cube of that layer's width (Woodbury), any other block the cube of its own (Cholesky).
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
    private final SheafLayout layout;
    private final double[] params;
    private final DMatrixRMaj[] weights;
    private final DMatrixRMaj[] activationBlocks;
    private DMatrixRMaj inputBlock;

    /**
     * The system of the network with parameters {@code params} (not modified); its weight matrices
     * and the pattern-independent blocks {@code I + W_(l+1)^T W_(l+1)} of the hidden activations are
     * computed when a solve first needs them, the input's {@code W_1^T W_1}, wide for wide inputs and
     * needed only when an input is free, by {@link #prepareInput()}.
     *
     * @throws IllegalArgumentException if a layer is too wide for a dense block
     */
    BlockSystem(SheafLayout layout, double[] params) {
        this.arch = layout.architecture();
        this.layout = layout;
        int layers = arch.layers();
        weights = new DMatrixRMaj[layers + 1];
        for (int l = 0; l <= layers; l++) {
            if (arch.width(l) > MAX_DENSE_WIDTH) {
                Require.arrayLength(arch.width(l), arch.width(l), "the exact solver's dense block of layer " + l
                        + " of " + arch, "use layers of at most " + MAX_DENSE_WIDTH + " neurons");
            }
        }
        activationBlocks = new DMatrixRMaj[layers];
        this.params = params;
    }

    /** {@code W_l} as a matrix, copied from the parameters on first use (a pinned input never needs {@code W_1}). */
    private synchronized DMatrixRMaj weight(int l) {
        if (weights[l] == null) {
            int offset = arch.weightOffset(l);
            weights[l] = DMatrixRMaj.wrap(arch.width(l), arch.width(l - 1),
                    Arrays.copyOfRange(params, offset, arch.biasOffset(l)));
        }
        return weights[l];
    }

    /**
     * The block {@code I + W_(l+1)^T W_(l+1)} of hidden activation {@code a_l}, computed on first use:
     * solves that eliminate it by its low rank never need it.
     */
    private synchronized DMatrixRMaj activationBlock(int l) {
        if (activationBlocks[l] == null) {
            DMatrixRMaj block = gram(l + 1);
            for (int i = 0; i < arch.width(l); i++) {
                block.add(i, i, 1);
            }
            activationBlocks[l] = block;
        }
        return activationBlocks[l];
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
        DMatrixRMaj gram = new DMatrixRMaj(arch.width(l - 1), arch.width(l - 1));
        CommonOps_DDRM.multTransA(weight(l), weight(l), gram);
        requireFinite(gram, l);
        return gram;
    }

    /** Refuses a product of {@code W_l} with itself that overflowed. */
    private static void requireFinite(DMatrixRMaj product, int l) {
        if (Require.firstNonFinite(product.data) >= 0) {
            throw new NonFiniteException("the pinned equilibrium is not finite: W_" + l + "^T W_" + l
                    + " overflows; the weights of layer " + l + " are too large for double precision");
        }
    }

    /** By block elimination in the forward order; a refusal names the vertex whose block failed. */
    @Override
    public double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] rhs) {
        int layers = arch.layers();
        int n = (outputCoupling == null ? 2 * layers - 1 : 2 * layers) + 1;
        int[][] blocks = new int[n][];
        int[] offsets = new int[n];
        for (int v = 0; v < n; v++) {
            offsets[v] = vertexOffset(v);
            blocks[v] = solvedIndices(solved, offsets[v], arch.width(vertexLayer(v)));
        }
        Factor[] factors = new Factor[n];
        Coupling[] couplings = new Coupling[n];
        DMatrixRMaj[] w = new DMatrixRMaj[n];
        for (int v = 0; v < n; v++) {
            int[] index = blocks[v];
            boolean lowRank = lowRank(v, index, factors);
            boolean diagonalOnly = lowRank || plainDiagonal(v, index, blocks[Math.max(v - 1, 0)], outputHessian);
            DMatrixRMaj d = diagonalOnly ? diagonalPart(v, index, masks, diagonal, offsets[v])
                    : diagonalBlock(v, index, masks, diagonal, outputHessian, offsets[v]);
            w[v] = new DMatrixRMaj(index.length, 1);
            for (int i = 0; i < index.length; i++) {
                w[v].data[i] = rhs[offsets[v] + index[i]];
            }
            if (v > 0 && index.length > 0 && blocks[v - 1].length > 0) {
                couplings[v] = coupling(v, index, blocks[v - 1], masks, outputCoupling);
                // S_v = D_v - C S_(v-1)^-1 C^T and w_v = b_v - C S_(v-1)^-1 w_(v-1)
                if (couplings[v].dense() == null && factors[v - 1].inverse != null) {
                    couplings[v].subtractDiagonalProduct(factors[v - 1].inverse, d, diagonalOnly);
                } else {
                    DMatrixRMaj ct = couplings[v].transposed();
                    DMatrixRMaj y = new DMatrixRMaj(ct.numRows, ct.numCols);
                    factors[v - 1].solve(ct, y);
                    couplings[v].subtractProduct(y, d);
                }
                DMatrixRMaj yw = new DMatrixRMaj(w[v - 1].numRows, 1);
                factors[v - 1].solve(w[v - 1], yw);
                couplings[v].subtractProduct(yw, w[v]);
            }
            if (lowRank) {
                int next = vertexLayer(v) + 1;
                factors[v] = Factor.lowRank(d.data, columns(weight(next), index), next, v);
            } else if (diagonalOnly) {
                factors[v] = Factor.diagonal(d.data, v);
            } else if (index.length > 0) {
                factors[v] = Factor.of(d, v);
            }
        }
        double[] u = new double[layout.stateSize()];
        DMatrixRMaj next = null;
        for (int v = n - 1; v >= 0; v--) {
            int[] index = blocks[v];
            if (index.length == 0) {
                next = null;
                continue;
            }
            DMatrixRMaj right = w[v].copy();
            if (next != null && couplings[v + 1] != null) {
                couplings[v + 1].subtractTransposedProduct(next, right);
            }
            DMatrixRMaj x = new DMatrixRMaj(index.length, 1);
            factors[v].solve(right, x);
            for (int i = 0; i < index.length; i++) {
                u[offsets[v] + index[i]] = x.data[i];
            }
            next = x;
        }
        return u;
    }

    /** The indices {@code i < width} with {@code solved[offset + i]}, in order. */
    private static int[] solvedIndices(boolean[] solved, int offset, int width) {
        int count = 0;
        for (int i = 0; i < width; i++) {
            count += solved[offset + i] ? 1 : 0;
        }
        int[] index = new int[count];
        int k = 0;
        for (int i = 0; i < width; i++) {
            if (solved[offset + i]) {
                index[k++] = i;
            }
        }
        return index;
    }

    /**
     * Whether the block of hidden activation {@code v} is eliminated as a diagonal plus {@code
     * W_(l+1)^T W_(l+1)} of lower rank: when what it inherits from {@code z_l} is diagonal and the
     * next layer is at most half as wide as the block, so its factor is a small capacitance matrix
     * (closer widths, as [2, 10, 8, 1], paid more in the products with {@code W} than they saved).
     */
    private boolean lowRank(int v, int[] index, Factor[] factors) {
        if (v == 0 || isPre(v) || v == 2 * arch.layers()) {
            return false;
        }
        boolean diagonalBefore = factors[v - 1] == null || factors[v - 1].inverse != null;
        return diagonalBefore && 2 * arch.width(vertexLayer(v) + 1) <= index.length;
    }

    /**
     * Whether the block of pre-activation {@code v} stays diagonal: nothing before it is solved for
     * ({@code before} is empty) and no output Hessian is added to it.
     */
    private boolean plainDiagonal(int v, int[] index, int[] before, DMatrixRMaj outputHessian) {
        boolean hessian = vertexLayer(v) == arch.layers() && outputHessian != null;
        return isPre(v) && index.length > 0 && before.length == 0 && !hessian;
    }

    /**
     * The diagonal of a block without its {@code W^T W} (for a hidden activation) or of a diagonal
     * pre-activation block, as an {@code n x 1} matrix.
     */
    private DMatrixRMaj diagonalPart(int v, int[] index, double[] masks, double[] diagonal, int offset) {
        int l = vertexLayer(v);
        boolean masked = isPre(v) && l < arch.layers();
        DMatrixRMaj d = new DMatrixRMaj(index.length, 1);
        for (int i = 0; i < index.length; i++) {
            double m = masked ? masks[offset + index[i]] : 0;
            d.data[i] = 1 + m * m + diagonal[offset + index[i]];
        }
        return d;
    }

    /** The columns {@code index} of {@code w}. */
    private static DMatrixRMaj columns(DMatrixRMaj w, int[] index) {
        DMatrixRMaj c = new DMatrixRMaj(w.numRows, index.length);
        for (int i = 0; i < w.numRows; i++) {
            for (int j = 0; j < index.length; j++) {
                c.data[i * index.length + j] = w.data[i * w.numCols + index[j]];
            }
        }
        return c;
    }

    /**
     * A factorised diagonal block of the elimination: a plain reciprocal when the block is diagonal
     * (as {@code z} blocks without an upstream coupling are), a diagonal plus {@code U^T U} of low rank
     * by its capacitance matrix {@code I + U E^-1 U^T} (Woodbury), a Cholesky factorisation otherwise.
     * Its {@code block} is the vertex's forward index, named only in a refusal.
     */
    private static final class Factor {
        /** The reciprocals of a diagonal block's entries, or of the diagonal part of a low-rank one; or null. */
        private final double[] inverse;
        /** The Cholesky factorisation of the block, or of the capacitance matrix when {@code u} is set. */
        private final LinearSolverDense<DMatrixRMaj> chol;
        /** The low-rank part's factor {@code U}, or null. */
        private final DMatrixRMaj u;

        private Factor(double[] inverse, LinearSolverDense<DMatrixRMaj> chol, DMatrixRMaj u) {
            this.inverse = inverse;
            this.chol = chol;
            this.u = u;
        }

        /** {@code x = S^-1 b}. */
        void solve(DMatrixRMaj b, DMatrixRMaj x) {
            if (inverse == null) {
                chol.solve(b, x);
                return;
            }
            scaleRows(b, x);
            if (u != null) {
                // S^-1 b = E^-1 b - E^-1 U^T (I + U E^-1 U^T)^-1 U E^-1 b
                DMatrixRMaj ub = new DMatrixRMaj(u.numRows, b.numCols);
                CommonOps_DDRM.mult(u, x, ub);
                DMatrixRMaj c = new DMatrixRMaj(u.numRows, b.numCols);
                chol.solve(ub, c);
                DMatrixRMaj correction = new DMatrixRMaj(u.numCols, b.numCols);
                CommonOps_DDRM.multTransA(u, c, correction);
                scaleRows(correction, correction);
                CommonOps_DDRM.subtractEquals(x, correction);
            }
        }

        /** {@code x = E^-1 b} for the diagonal part {@code E}. */
        private void scaleRows(DMatrixRMaj b, DMatrixRMaj x) {
            for (int i = 0; i < inverse.length; i++) {
                for (int j = 0; j < b.numCols; j++) {
                    x.data[i * b.numCols + j] = b.data[i * b.numCols + j] * inverse[i];
                }
            }
        }

        /**
         * The factor of {@code diag(e) + U^T U}: {@code e} must be positive; the capacitance matrix
         * {@code I + U diag(e)^-1 U^T} then is positive definite. {@code U} is part of {@code W_layer}.
         *
         * @throws NonFiniteException if the capacitance matrix overflows
         */
        static Factor lowRank(double[] e, DMatrixRMaj u, int layer, int block) {
            double[] inverse = reciprocals(e, block);
            DMatrixRMaj scaled = new DMatrixRMaj(u.numRows, u.numCols);
            for (int i = 0; i < u.numRows; i++) {
                for (int j = 0; j < u.numCols; j++) {
                    scaled.data[i * u.numCols + j] = u.data[i * u.numCols + j] * inverse[j];
                }
            }
            DMatrixRMaj capacitance = CommonOps_DDRM.identity(u.numRows);
            CommonOps_DDRM.multAddTransB(scaled, u, capacitance);
            requireFinite(capacitance, layer);
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(u.numRows);
            if (!chol.setA(capacitance)) {
                throw new SingularSystemException(vertexName(block));
            }
            return new Factor(inverse, chol, u);
        }

        private static double[] reciprocals(double[] e, int block) {
            double[] inverse = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                if (!(e[i] > 0)) {
                    throw new SingularSystemException(vertexName(block));
                }
                inverse[i] = 1 / e[i];
            }
            return inverse;
        }

        /** The factor of {@code diag(e)}; {@code e} must be positive. */
        static Factor diagonal(double[] e, int block) {
            return new Factor(reciprocals(e, block), null, null);
        }

        static Factor of(DMatrixRMaj s, int block) {
            int n = s.numRows;
            boolean diagonal = true;
            for (int i = 0; i < n && diagonal; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && s.get(i, j) != 0) {
                        diagonal = false;
                        break;
                    }
                }
            }
            if (diagonal) {
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    e[i] = s.get(i, i);
                }
                return diagonal(e, block);
            }
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
            if (!chol.setA(s)) {
                throw new SingularSystemException(vertexName(block));
            }
            return new Factor(null, chol, null);
        }
    }

    /** Vertex {@code v} in forward order: 0 is {@code x}, then {@code z_1, a_1, ..., z_(k+1)}. */
    private static int vertexLayer(int v) {
        return (v + 1) / 2;
    }

    private static boolean isPre(int v) {
        return v % 2 == 1;
    }

    private int vertexOffset(int v) {
        return v == 0 ? 0 : isPre(v) ? layout.preOffset(vertexLayer(v)) : layout.postOffset(vertexLayer(v));
    }

    private static String vertexName(int v) {
        return v == 0 ? "x" : (isPre(v) ? "z_" : "a_") + vertexLayer(v);
    }

    private DMatrixRMaj diagonalBlock(int v, int[] index, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            int offset) {
        int l = vertexLayer(v);
        DMatrixRMaj full;
        if (index.length == 0) {
            return new DMatrixRMaj(0, 0);
        } else if (v == 0) {
            full = inputBlock();
        } else if (v == 2 * arch.layers()) {
            full = CommonOps_DDRM.identity(arch.outputs());
        } else if (isPre(v)) {
            full = new DMatrixRMaj(arch.width(l), arch.width(l));
            for (int i = 0; i < arch.width(l); i++) {
                double m = l < arch.layers() ? masks[offset + i] : 0;
                full.set(i, i, 1 + m * m);
            }
            if (l == arch.layers() && outputHessian != null) {
                CommonOps_DDRM.addEquals(full, outputHessian);
            }
        } else {
            full = activationBlock(l);
        }
        int n = index.length;
        int stride = full.numCols;
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            int row = index[i] * stride;
            for (int j = 0; j < n; j++) {
                d.data[i * n + j] = full.data[row + index[j]];
            }
            d.data[i * n + i] += diagonal[offset + index[i]];
        }
        return d;
    }

    private synchronized DMatrixRMaj inputBlock() {
        if (inputBlock == null) {
            throw new IllegalStateException("prepareInput() must precede a solve with a free input");
        }
        return inputBlock;
    }

    /** The block coupling vertex {@code v} (rows) to vertex {@code v - 1} (columns), restricted. */
    private Coupling coupling(int v, int[] rows, int[] cols, double[] masks, DMatrixRMaj outputCoupling) {
        int l = vertexLayer(v);
        if (v == 2 * arch.layers()) {
            DMatrixRMaj c = new DMatrixRMaj(rows.length, cols.length);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < cols.length; j++) {
                    c.set(i, j, outputCoupling.get(rows[i], cols[j]));
                }
            }
            return Coupling.dense(c);
        }
        if (isPre(v)) {
            DMatrixRMaj w = weight(l);
            DMatrixRMaj c = new DMatrixRMaj(rows.length, cols.length);
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < cols.length; j++) {
                    c.set(i, j, -w.get(rows[i], cols[j]));
                }
            }
            return Coupling.dense(c);
        }
        int z = layout.preOffset(l);
        int[] column = new int[rows.length];
        double[] value = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = Arrays.binarySearch(cols, rows[i]);
            value[i] = -masks[z + rows[i]];
        }
        return new Coupling(null, column, value, cols.length);
    }

    /**
     * A coupling block: dense ({@code -W_l}), or with at most one entry per row ({@code -diag(m_l)}
     * restricted), stored as the entry's column ({@code < 0} for none) and value.
     */
    private record Coupling(DMatrixRMaj dense, int[] column, double[] value, int columns) {
        static Coupling dense(DMatrixRMaj c) {
            return new Coupling(c, null, null, c.numCols);
        }

        int rows() {
            return dense != null ? dense.numRows : column.length;
        }

        /** {@code C^T} as a dense matrix. */
        DMatrixRMaj transposed() {
            DMatrixRMaj t = new DMatrixRMaj(columns, rows());
            if (dense != null) {
                CommonOps_DDRM.transpose(dense, t);
            } else {
                for (int i = 0; i < column.length; i++) {
                    if (column[i] >= 0) {
                        t.set(column[i], i, value[i]);
                    }
                }
            }
            return t;
        }

        /** {@code d -= C y}. */
        void subtractProduct(DMatrixRMaj y, DMatrixRMaj d) {
            if (dense != null) {
                CommonOps_DDRM.multAdd(-1.0, dense, y, d);
                return;
            }
            for (int i = 0; i < column.length; i++) {
                if (column[i] >= 0) {
                    for (int k = 0; k < y.numCols; k++) {
                        d.add(i, k, -value[i] * y.get(column[i], k));
                    }
                }
            }
        }

        /**
         * {@code d -= C S^-1 C^T} for this one-entry-per-row {@code C} and a diagonal {@code S}, by
         * reciprocals; {@code d} is a square block, or its diagonal alone when {@code diagonalOnly}.
         */
        void subtractDiagonalProduct(double[] inverse, DMatrixRMaj d, boolean diagonalOnly) {
            for (int i = 0; i < column.length; i++) {
                if (column[i] >= 0) {
                    d.data[diagonalOnly ? i : i * d.numCols + i] -= value[i] * (value[i] * inverse[column[i]]);
                }
            }
        }

        /** {@code r -= C^T x}. */
        void subtractTransposedProduct(DMatrixRMaj x, DMatrixRMaj r) {
            if (dense != null) {
                CommonOps_DDRM.multAddTransA(-1.0, dense, x, r);
                return;
            }
            for (int i = 0; i < column.length; i++) {
                if (column[i] >= 0) {
                    r.add(column[i], 0, -value[i] * x.get(i, 0));
                }
            }
        }
    }
}
