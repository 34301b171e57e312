package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * One thread's block elimination of a {@link BlockSystem}: the forward elimination in the order
 * {@code x, z_1, a_1, ..., z_(k+1)} (and {@code a_out}) and the back substitution, on flat row-major
 * arrays kept from one solve to the next, so that a solve allocates its result and nothing else once
 * its arrays have grown to the blocks' sizes. Each vertex's Schur complement is factorised as a
 * diagonal (reciprocals), a diagonal plus {@code U^T U} of low rank (its capacitance matrix {@code I
 * + U E^-1 U^T} by Cholesky, Woodbury's formula), or a dense block ({@link DenseCholesky}). Not
 * thread-safe: one per solving thread ({@link BlockSystem#local()}).
 */
final class BlockElimination implements PatternSystem {
    private static final int NONE = 0;
    private static final int DIAGONAL = 1;
    private static final int LOW_RANK = 2;
    private static final int DENSE = 3;

    private final BlockSystem system;
    private final Architecture arch;
    private final SheafLayout layout;
    private final int[][] index;
    private final int[] count;
    private final int[] offset;
    private final int[] kind;
    /** The factor of each vertex: reciprocals of its diagonal, or its Cholesky factor {@code L}, row-major. */
    private final double[][] factor;
    private final DenseCholesky[] cholesky;
    /** For a low-rank vertex: {@code U} ({@code rank x count}), the capacitance's factor, the rank. */
    private final double[][] lowRank;
    private final double[][] capacitance;
    private final DenseCholesky[] capacitanceCholesky;
    private final int[] rank;
    /** The coupling of each vertex to the one before: dense ({@code count_v x count_(v-1)}) or one entry per row. */
    private final boolean[] coupled;
    private final boolean[] denseCoupling;
    private final double[][] coupling;
    private final int[][] column;
    private final double[][] value;
    private final double[][] rhs;
    private double[] product = new double[0];
    private double[] small = new double[0];
    private double[] vector = new double[0];
    private double[] scaled = new double[0];

    /** The elimination of {@code system}, the system of a plain network of layout {@code layout}. */
    BlockElimination(BlockSystem system, SheafLayout layout) {
        this.system = system;
        this.layout = layout;
        this.arch = layout.architecture();
        int vertices = 2 * arch.layers() + 1;
        index = new int[vertices][];
        count = new int[vertices];
        offset = new int[vertices];
        kind = new int[vertices];
        factor = new double[vertices][];
        cholesky = new DenseCholesky[vertices];
        lowRank = new double[vertices][];
        capacitance = new double[vertices][];
        capacitanceCholesky = new DenseCholesky[vertices];
        rank = new int[vertices];
        coupled = new boolean[vertices];
        denseCoupling = new boolean[vertices];
        coupling = new double[vertices][];
        column = new int[vertices][];
        value = new double[vertices][];
        rhs = new double[vertices][];
        for (int v = 0; v < vertices; v++) {
            int width = width(v);
            index[v] = new int[width];
            column[v] = new int[width];
            value[v] = new double[width];
            rhs[v] = new double[width];
            factor[v] = new double[0];
            lowRank[v] = new double[0];
            capacitance[v] = new double[0];
            coupling[v] = new double[0];
            offset[v] = v == 0 ? 0 : isPre(v) ? layout.preOffset(layer(v)) : layout.postOffset(layer(v));
        }
    }

    /** Another elimination of the same system. */
    @Override
    public PatternSystem local() {
        return system.local();
    }

    @Override
    public void prepareInput() {
        system.prepareInput();
    }

    /** By block elimination in the forward order; a refusal names the vertex whose block failed. */
    @Override
    public double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] b) {
        // the output vertex, last, takes part when it is solved for
        int n = (outputCoupling == null ? 2 * arch.layers() - 1 : 2 * arch.layers()) + 1;
        for (int v = 0; v < n; v++) {
            eliminate(v, solved, masks, diagonal, outputHessian, outputCoupling, b);
        }
        double[] u = new double[layout.stateSize()];
        boolean after = false;
        for (int v = n - 1; v >= 0; v--) {
            int m = count[v];
            if (m == 0) {
                after = false;
                continue;
            }
            double[] x = rhs[v];
            if (after && coupled[v + 1]) {
                subtractTransposedProduct(v + 1, rhs[v + 1], x);
            }
            solveInPlace(v, x);
            for (int i = 0; i < m; i++) {
                u[offset[v] + index[v][i]] = x[i];
            }
            after = true;
        }
        return u;
    }

    /** Forms vertex {@code v}'s Schur complement and reduced right-hand side, and factorises it. */
    private void eliminate(int v, boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] b) {
        int m = solvedIndices(v, solved);
        int before = v == 0 ? 0 : count[v - 1];
        boolean lowRankBlock = lowRank(v, m);
        boolean hessian = layer(v) == arch.layers() && outputHessian != null;
        boolean diagonalOnly = lowRankBlock || (isPre(v) && m > 0 && before == 0 && !hessian);
        double[] d = factor[v] = room(factor[v], diagonalOnly ? m : m * m);
        if (diagonalOnly) {
            boolean masked = isPre(v) && layer(v) < arch.layers();
            for (int i = 0; i < m; i++) {
                int c = offset[v] + index[v][i];
                double mask = masked ? masks[c] : 0;
                d[i] = 1 + mask * mask + diagonal[c];
            }
        } else if (m > 0) {
            denseBlock(v, m, masks, diagonal, outputHessian, d);
        }
        double[] w = rhs[v];
        for (int i = 0; i < m; i++) {
            w[i] = b[offset[v] + index[v][i]];
        }
        coupled[v] = v > 0 && m > 0 && before > 0;
        if (coupled[v]) {
            couple(v, m, masks, outputCoupling);
            // S_v = D_v - C S_(v-1)^-1 C^T and w_v = b_v - C S_(v-1)^-1 w_(v-1)
            if (!denseCoupling[v] && kind[v - 1] == DIAGONAL) {
                double[] inverse = factor[v - 1];
                for (int i = 0; i < m; i++) {
                    int j = column[v][i];
                    if (j >= 0) {
                        d[diagonalOnly ? i : i * m + i] -= value[v][i] * (value[v][i] * inverse[j]);
                    }
                }
            } else {
                subtractSchur(v, m, before, d);
            }
            double[] y = vector = room(vector, before);
            System.arraycopy(rhs[v - 1], 0, y, 0, before);
            solveInPlace(v - 1, y);
            subtractProduct(v, y, w);
        }
        if (lowRankBlock) {
            factorLowRank(v, m);
        } else if (diagonalOnly) {
            reciprocals(v, m);
        } else if (m > 0) {
            factorDense(v, m);
        } else {
            kind[v] = NONE;
        }
    }

    /** Collects the solved indices of vertex {@code v}; returns their count. */
    private int solvedIndices(int v, boolean[] solved) {
        int m = 0;
        int width = width(v);
        for (int i = 0; i < width; i++) {
            if (solved[offset[v] + i]) {
                index[v][m++] = i;
            }
        }
        count[v] = m;
        return m;
    }

    /**
     * Whether the block of hidden activation {@code v} is eliminated as a diagonal plus {@code
     * W_(l+1)^T W_(l+1)} of lower rank: when what it inherits from {@code z_l} is diagonal and the
     * next layer is at most half as wide as the block, so its factor is a small capacitance matrix
     * (closer widths, as [2, 10, 8, 1], paid more in the products with {@code W} than they saved).
     */
    private boolean lowRank(int v, int m) {
        if (v == 0 || isPre(v) || v == 2 * arch.layers()) {
            return false;
        }
        boolean diagonalBefore = kind[v - 1] == NONE || kind[v - 1] == DIAGONAL;
        return diagonalBefore && 2 * arch.width(layer(v) + 1) <= m;
    }

    /** Writes vertex {@code v}'s block, restricted to its solved indices, with the extra diagonal, into {@code d}. */
    private void denseBlock(int v, int m, double[] masks, double[] diagonal, DMatrixRMaj outputHessian, double[] d) {
        int l = layer(v);
        int[] idx = index[v];
        if (v == 0 || (!isPre(v) && v < 2 * arch.layers())) {
            double[] full = v == 0 ? system.inputBlock() : system.activationBlock(l);
            int stride = width(v);
            for (int i = 0; i < m; i++) {
                int row = idx[i] * stride;
                for (int j = 0; j < m; j++) {
                    d[i * m + j] = full[row + idx[j]];
                }
            }
        } else {
            Arrays.fill(d, 0, m * m, 0.0);
            boolean masked = isPre(v) && l < arch.layers();
            boolean hessian = isPre(v) && l == arch.layers() && outputHessian != null;
            for (int i = 0; i < m; i++) {
                double mask = masked ? masks[offset[v] + idx[i]] : 0;
                d[i * m + i] = 1 + mask * mask;
                if (hessian) {
                    for (int j = 0; j < m; j++) {
                        d[i * m + j] += outputHessian.get(idx[i], idx[j]);
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            d[i * m + i] += diagonal[offset[v] + idx[i]];
        }
    }

    /** The block coupling vertex {@code v} (rows) to vertex {@code v - 1} (columns), restricted. */
    private void couple(int v, int m, double[] masks, DMatrixRMaj outputCoupling) {
        int[] rows = index[v];
        int[] cols = index[v - 1];
        int before = count[v - 1];
        denseCoupling[v] = isPre(v) || v == 2 * arch.layers();
        if (!denseCoupling[v]) {
            int z = layout.preOffset(layer(v));
            for (int i = 0; i < m; i++) {
                column[v][i] = Arrays.binarySearch(cols, 0, before, rows[i]);
                value[v][i] = -masks[z + rows[i]];
            }
            return;
        }
        double[] c = coupling[v] = room(coupling[v], m * before);
        if (v == 2 * arch.layers()) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < before; j++) {
                    c[i * before + j] = outputCoupling.get(rows[i], cols[j]);
                }
            }
            return;
        }
        double[] params = system.params();
        int l = layer(v);
        int weights = arch.weightOffset(l);
        int stride = arch.width(l - 1);
        for (int i = 0; i < m; i++) {
            int row = weights + rows[i] * stride;
            for (int j = 0; j < before; j++) {
                c[i * before + j] = -params[row + cols[j]];
            }
        }
    }

    /**
     * {@code d -= C S^-1 C^T}, symmetric, for vertex {@code v}'s coupling {@code C} and the factor
     * {@code S} of the vertex before, from the rows of {@code C}: {@code C E^-1 C^T} for a diagonal
     * {@code S = E}; {@code Z Z^T}, {@code Z = C L^-T}, for a Cholesky factor {@code L}. For a low-rank
     * {@code S = E + U^T U} the coupling is {@code C = -U_R}, the solved rows {@code R} of {@code U},
     * and Woodbury's formula gives {@code U S^-1 U^T = I - K^-1} for the capacitance matrix {@code K =
     * I + U E^-1 U^T}: {@code d -= I - Y Y^T}, {@code Y} the rows {@code R} of {@code L_K^-1}.
     */
    private void subtractSchur(int v, int m, int before, double[] d) {
        int u = v - 1;
        if (kind[u] == LOW_RANK) {
            int r = rank[u];
            double[] y = product = room(product, m * r);
            Arrays.fill(y, 0, m * r, 0.0);
            for (int a = 0; a < m; a++) {
                y[a * r + index[v][a]] = 1;
                capacitanceCholesky[u].forward(y, a * r);
                d[a * m + a] -= 1;
            }
            addGram(y, m, r, null, d, 1);
            return;
        }
        double[] c = couplingRows(v, m, before);
        if (kind[u] == DENSE) {
            double[] z = product = room(product, m * before);
            System.arraycopy(c, 0, z, 0, m * before);
            for (int a = 0; a < m; a++) {
                cholesky[u].forward(z, a * before);
            }
            addGram(z, m, before, null, d, -1);
            return;
        }
        addGram(c, m, before, factor[u], d, -1);
    }

    /** The rows of {@code C_v} ({@code m x before}), row-major: the dense coupling itself, or written out. */
    private double[] couplingRows(int v, int m, int before) {
        if (denseCoupling[v]) {
            return coupling[v];
        }
        double[] rows = coupling[v] = room(coupling[v], m * before);
        Arrays.fill(rows, 0, m * before, 0.0);
        for (int i = 0; i < m; i++) {
            if (column[v][i] >= 0) {
                rows[i * before + column[v][i]] = value[v][i];
            }
        }
        return rows;
    }

    /**
     * {@code d += sign X W X^T} for the {@code rows x cols} row-major {@code X} and the diagonal
     * {@code W} ({@code weight}, or the identity when null), computed on the lower triangle and mirrored.
     */
    private void addGram(double[] x, int rows, int cols, double[] weight, double[] d, double sign) {
        for (int a = 0; a < rows; a++) {
            double[] row = weight == null ? x : scaledRow(x, a * cols, weight, cols);
            int from = weight == null ? a * cols : 0;
            for (int b = 0; b <= a; b++) {
                double sum = LayerLoops.dot(row, from, x, b * cols, cols);
                d[a * rows + b] += sign * sum;
                if (b < a) {
                    d[b * rows + a] += sign * sum;
                }
            }
        }
    }

    /** Row {@code x[from..from + n)} times the diagonal {@code weight}, in a scratch array reused by the next call. */
    private double[] scaledRow(double[] x, int from, double[] weight, int n) {
        double[] row = scaled = room(scaled, n);
        for (int i = 0; i < n; i++) {
            row[i] = x[from + i] * weight[i];
        }
        return row;
    }

    /** {@code d -= C_v y} for a vector {@code y} of vertex {@code v - 1}. */
    private void subtractProduct(int v, double[] y, double[] d) {
        int m = count[v];
        if (denseCoupling[v]) {
            int before = count[v - 1];
            double[] c = coupling[v];
            for (int i = 0; i < m; i++) {
                d[i] -= LayerLoops.dot(c, i * before, y, 0, before);
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int q = column[v][i];
            if (q >= 0) {
                d[i] -= value[v][i] * y[q];
            }
        }
    }

    /** {@code r -= C_v^T x} ({@code r} of vertex {@code v - 1}). */
    private void subtractTransposedProduct(int v, double[] x, double[] r) {
        int m = count[v];
        if (denseCoupling[v]) {
            int before = count[v - 1];
            double[] c = coupling[v];
            for (int i = 0; i < m; i++) {
                double xi = x[i];
                for (int j = 0; j < before; j++) {
                    r[j] -= c[i * before + j] * xi;
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            if (column[v][i] >= 0) {
                r[column[v][i]] -= value[v][i] * x[i];
            }
        }
    }

    /** {@code b = S_v^-1 b} for a vector {@code b}. */
    private void solveInPlace(int v, double[] b) {
        int m = count[v];
        switch (kind[v]) {
            case DIAGONAL -> scale(factor[v], m, b);
            case DENSE -> cholesky[v].solve(b);
            case LOW_RANK -> {
                // S^-1 b = E^-1 b - E^-1 U^T (I + U E^-1 U^T)^-1 U E^-1 b
                double[] inverse = factor[v];
                double[] u = lowRank[v];
                int r = rank[v];
                scale(inverse, m, b);
                double[] ub = small = room(small, r);
                for (int q = 0; q < r; q++) {
                    ub[q] = LayerLoops.dot(u, q * m, b, 0, m);
                }
                capacitanceCholesky[v].solve(ub);
                for (int q = 0; q < r; q++) {
                    double uq = ub[q];
                    for (int i = 0; i < m; i++) {
                        b[i] -= u[q * m + i] * uq * inverse[i];
                    }
                }
            }
            default -> throw new IllegalStateException("vertex " + v + " has no factor");
        }
    }

    private static void scale(double[] inverse, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            b[i] *= inverse[i];
        }
    }

    /** Replaces the diagonal in {@code factor[v]} by its reciprocals; it must be positive. */
    private void reciprocals(int v, int m) {
        double[] e = factor[v];
        for (int i = 0; i < m; i++) {
            if (!(e[i] > 0)) {
                throw new SingularSystemException(BlockSystem.vertexName(v));
            }
            e[i] = 1 / e[i];
        }
        kind[v] = DIAGONAL;
    }

    /**
     * Factorises {@code diag(e) + U^T U}, {@code U} the solved columns of {@code W_(l+1)}: {@code e}
     * must be positive; the capacitance matrix {@code I + U diag(e)^-1 U^T} then is positive definite.
     *
     * @throws NonFiniteException if the capacitance matrix overflows
     */
    private void factorLowRank(int v, int m) {
        reciprocals(v, m);
        double[] inverse = factor[v];
        int next = layer(v) + 1;
        int r = arch.width(next);
        double[] u = lowRank[v] = room(lowRank[v], r * m);
        double[] params = system.params();
        int weights = arch.weightOffset(next);
        int stride = arch.width(next - 1);
        for (int q = 0; q < r; q++) {
            for (int i = 0; i < m; i++) {
                u[q * m + i] = params[weights + q * stride + index[v][i]];
            }
        }
        double[] cap = capacitance[v] = room(capacitance[v], r * r);
        Arrays.fill(cap, 0, r * r, 0.0);
        for (int p = 0; p < r; p++) {
            cap[p * r + p] = 1;
        }
        addGram(u, r, m, inverse, cap, 1);
        for (int i = 0; i < r * r; i++) {
            if (!Double.isFinite(cap[i])) {
                throw BlockSystem.overflow(next);
            }
        }
        capacitanceCholesky[v] = factorise(cap, r, v);
        rank[v] = r;
        kind[v] = LOW_RANK;
    }

    /** Factorises the dense block in {@code factor[v]}: by reciprocals when it is diagonal, else by Cholesky. */
    private void factorDense(int v, int m) {
        double[] s = factor[v];
        boolean diagonal = true;
        for (int i = 0; i < m && diagonal; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j && s[i * m + j] != 0) {
                    diagonal = false;
                    break;
                }
            }
        }
        if (diagonal) {
            for (int i = 0; i < m; i++) {
                s[i] = s[i * m + i];
            }
            reciprocals(v, m);
            return;
        }
        cholesky[v] = factorise(s, m, v);
        kind[v] = DENSE;
    }

    private static DenseCholesky factorise(double[] a, int n, int v) {
        DenseCholesky chol = new DenseCholesky(a, n);
        if (chol.factorise() >= 0) {
            throw new SingularSystemException(BlockSystem.vertexName(v));
        }
        return chol;
    }

    /** {@code a} if it holds {@code size} values, else a new array that does (at least twice as long). */
    static double[] room(double[] a, int size) {
        return a.length >= size ? a : new double[Math.max(size, 2 * a.length)];
    }

    private int width(int v) {
        return arch.width(layer(v));
    }

    /** Vertex {@code v} in forward order: 0 is {@code x}, then {@code z_1, a_1, ..., z_(k+1)}, {@code a_out}. */
    static int layer(int v) {
        return (v + 1) / 2;
    }

    static boolean isPre(int v) {
        return v % 2 == 1;
    }
}
