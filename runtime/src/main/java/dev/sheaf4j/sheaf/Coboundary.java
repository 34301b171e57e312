package dev.sheaf4j.sheaf;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * The coboundary of a network's sheaf at one activation pattern, as EJML matrices.
 *
 * <p>Rows are the edges' coordinates in edge order, columns the free coordinates {@code Omega =
 * (z_1, a_1, ..., z_(k+1))} in forward order (the output edge, which is not linear, is left out).
 * Each edge is oriented towards the vertex it computes, so the coboundary reads "actual minus
 * predicted": {@code (delta c)_e = z_l - W_l a_(l-1) - b_l} on a weight edge and {@code a_l - m_l
 * z_l} on an activation edge, the negative of the discrepancy. With this orientation the restricted
 * coboundary {@code delta_Omega} is lower block-bidiagonal with identity diagonal blocks; the
 * boundary block {@code delta_U} acts on {@code u = (x, 1_(n_1), ..., 1_(n_(k+1)))}, the input and
 * the constant-one blocks on which the biases ride. The energy is {@code E = 1/2 |delta_Omega omega
 * + delta_U u|^2}.
 *
 * <p>A skip connection {@code a_from -> z_to} rides on weight edge {@code to} as the bias does: it
 * adds the block {@code -P} at (row block {@code z_to}, column block {@code a_from}), in
 * {@code delta_U} when {@code from} is the input. The source comes before the target in forward
 * order, so {@code delta_Omega} stays unit lower block-triangular, no longer bidiagonal.
 */
public final class Coboundary {
    private final Network network;
    private final Architecture architecture;
    private final SheafLayout layout;
    private final ActivationPattern pattern;

    /**
     * The coboundary of {@code network}'s sheaf at {@code pattern}.
     *
     * @throws IllegalArgumentException if the pattern does not fit, or the network is too large for
     *     dense matrices
     */
    public Coboundary(Network network, ActivationPattern pattern) {
        this.network = Objects.requireNonNull(network, "network");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.architecture = network.architecture();
        this.layout = new SheafLayout(architecture);
        if (pattern.hiddenLayers() != architecture.hiddenLayers()) {
            throw new IllegalArgumentException("pattern has " + pattern.hiddenLayers() + " hidden layers, "
                    + architecture + " has " + architecture.hiddenLayers());
        }
        Require.arrayLength(dimension(), Math.max(dimension(), boundaryDimension()),
                "the dense coboundary of " + architecture, "use a smaller network for dense diagnostics");
    }

    /** The layout of the sheaf. */
    public SheafLayout layout() {
        return layout;
    }

    /** The pattern this coboundary is taken at. */
    public ActivationPattern pattern() {
        return pattern;
    }

    /** Number of free coordinates {@code |Omega|} (rows and columns of {@code delta_Omega}). */
    public int dimension() {
        return layout.freeDimension();
    }

    /** Number of boundary coordinates: {@code n0} inputs and one constant per neuron of layers 1..k+1. */
    public int boundaryDimension() {
        int n = architecture.inputs();
        for (int l = 1; l <= architecture.layers(); l++) {
            n += architecture.width(l);
        }
        return n;
    }

    /**
     * The restricted coboundary {@code delta_Omega}, square, unit lower block-triangular
     * (block-bidiagonal without skip connections).
     */
    public DMatrixRMaj restricted() {
        int n = dimension();
        int n0 = architecture.inputs();
        DMatrixRMaj d = CommonOps_DDRM.identity(n);
        for (int l = 1; l <= architecture.layers(); l++) {
            int z = layout.preOffset(l) - n0;
            if (l >= 2) {
                int a = layout.postOffset(l - 1) - n0;
                CommonOps_DDRM.insert(weightBlock(network, l), d, z, a);
            }
            if (l < architecture.layers()) {
                int a = layout.postOffset(l) - n0;
                for (int i = 0; i < architecture.width(l); i++) {
                    d.set(a + i, z + i, -pattern.mask(l, i));
                }
            }
        }
        addSkipBlocks(d, false);
        return d;
    }

    /**
     * Adds each skip's block {@code -P} at (row block {@code z_to}, column block {@code a_from}) of
     * {@code d}: {@code delta_U} if {@code fromInput} (the skips from {@code x}), else
     * {@code delta_Omega} (the others). Added, not set: a skip into layer {@code l} from layer
     * {@code l-1} shares its block with {@code -W_l}.
     */
    private void addSkipBlocks(DMatrixRMaj d, boolean fromInput) {
        int n0 = architecture.inputs();
        for (int i = 0; i < architecture.skips().size(); i++) {
            Skip skip = architecture.skips().get(i);
            if ((skip.from() == 0) == fromInput) {
                int row = layout.preOffset(skip.to()) - n0;
                int column = fromInput ? 0 : layout.postOffset(skip.from()) - n0;
                DMatrixRMaj block = skipBlock(network, i);
                for (int r = 0; r < block.numRows; r++) {
                    for (int c = 0; c < block.numCols; c++) {
                        d.add(row + r, column + c, block.get(r, c));
                    }
                }
            }
        }
    }

    /** The boundary block {@code delta_U}: columns {@code x}, then the constant-one block of each layer. */
    public DMatrixRMaj boundary() {
        int n0 = architecture.inputs();
        DMatrixRMaj d = new DMatrixRMaj(dimension(), boundaryDimension());
        CommonOps_DDRM.insert(weightBlock(network, 1), d, layout.preOffset(1) - n0, 0);
        int column = n0;
        for (int l = 1; l <= architecture.layers(); l++) {
            int z = layout.preOffset(l) - n0;
            for (int i = 0; i < architecture.width(l); i++) {
                d.set(z + i, column + i, -network.bias(l, i));
            }
            column += architecture.width(l);
        }
        addSkipBlocks(d, true);
        return d;
    }

    /** The boundary values {@code u = (x, 1, ..., 1)} for input {@code x}. */
    public DMatrixRMaj boundaryValues(double[] x) {
        DMatrixRMaj u = new DMatrixRMaj(boundaryDimension(), 1);
        u.fill(1.0);
        for (int j = 0; j < architecture.inputs(); j++) {
            u.set(j, 0, x[j]);
        }
        return u;
    }

    /**
     * {@code L_free = delta_Omega^T delta_Omega}, symmetric positive definite. Block tridiagonal for
     * a plain network; a skip {@code a_from -> z_to} adds {@code P^T P} to the {@code a_from}
     * diagonal block and the blocks {@code -P^T} at {@code (a_from, z_to)}, {@code P^T W_to} at
     * {@code (a_from, a_(to-1))} and {@code P_i^T P_j} between two skips into one layer (and their
     * transposes).
     *
     * @throws NonFiniteException if an entry overflows, naming its vertex
     */
    public DMatrixRMaj laplacian() {
        DMatrixRMaj d = restricted();
        DMatrixRMaj l = new DMatrixRMaj(d.numCols, d.numCols);
        CommonOps_DDRM.multTransA(d, d, l);
        int bad = Require.firstNonFinite(l.data);
        if (bad >= 0) {
            Vertex v = layout.vertexAt(bad / l.numCols + architecture.inputs());
            throw new NonFiniteException("L_free is not finite in the row of " + layout.name(v)
                    + "; the weights are too large for double precision");
        }
        return l;
    }

    /** {@code L_free,U = delta_Omega^T delta_U}, the coupling of free and boundary coordinates. */
    public DMatrixRMaj boundaryLaplacian() {
        DMatrixRMaj d = restricted();
        DMatrixRMaj u = boundary();
        DMatrixRMaj l = new DMatrixRMaj(d.numCols, u.numCols);
        CommonOps_DDRM.multTransA(d, u, l);
        return l;
    }

    /** {@code det delta_Omega}, by LU decomposition (1 up to rounding, by the unitriangular lemma). */
    public double determinant() {
        return CommonOps_DDRM.det(restricted());
    }

    /** Whether a Cholesky factorisation of {@code L_free} succeeds. */
    public boolean laplacianIsPositiveDefinite() {
        DMatrixRMaj l = laplacian();
        return DecompositionFactory_DDRM.chol(l.numRows, true).decompose(l);
    }

    /**
     * The block {@code -P} ({@code n_to x n_from}; {@code -I} for an identity skip) by which the weight
     * edge of skip {@code index}'s target reads its source {@code a_from}.
     */
    public static DMatrixRMaj skipBlock(Network network, int index) {
        Architecture arch = network.architecture();
        Skip skip = arch.skips().get(index);
        if (!skip.projected()) {
            DMatrixRMaj identity = CommonOps_DDRM.identity(arch.width(skip.to()));
            CommonOps_DDRM.changeSign(identity);
            return identity;
        }
        DMatrixRMaj block = new DMatrixRMaj(network.projection(index));
        CommonOps_DDRM.changeSign(block);
        return block;
    }

    /** The block {@code -W_l} ({@code n_l x n_(l-1)}) by which weight edge {@code l} reads {@code a_(l-1)}. */
    public static DMatrixRMaj weightBlock(Network network, int l) {
        Architecture arch = network.architecture();
        DMatrixRMaj block = new DMatrixRMaj(arch.width(l), arch.width(l - 1));
        for (int i = 0; i < block.numRows; i++) {
            for (int j = 0; j < block.numCols; j++) {
                block.set(i, j, -network.weight(l, i, j));
            }
        }
        return block;
    }
}
