package dev.sheaf4j.solve;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The solves of an {@link AssembledSystem} for one thread: the matrix on the solved coordinates,
 * assembled from the system's weight-edge part and the pattern's terms and factorised in place by
 * {@link DenseCholesky}, in arrays kept from one solve to the next (the matrix grown only when a
 * solve needs more). Not thread-safe: one per solving thread ({@link AssembledSystem#local()}).
 */
final class AssembledSolve implements PatternSystem {
    private final AssembledSystem system;
    private final SheafLayout layout;
    private final Architecture arch;
    private final int[] position;
    private final int[] index;
    private final double[] x;
    private double[] values = new double[0];
    private int n;

    AssembledSolve(AssembledSystem system, SheafLayout layout) {
        this.system = system;
        this.layout = layout;
        this.arch = layout.architecture();
        this.position = new int[layout.stateSize()];
        this.index = new int[layout.stateSize()];
        this.x = new double[layout.stateSize()];
    }

    /** Itself: it already keeps its arrays. */
    @Override
    public PatternSystem local() {
        return this;
    }

    @Override
    public void prepareInput() {
        system.prepareInput();
    }

    /** By one Cholesky factorisation of the assembled matrix; a refusal names the vertex of the row where it failed. */
    @Override
    public double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] rhs) {
        boolean inputFree = false;
        for (int c = 0; c < arch.inputs(); c++) {
            inputFree |= solved[c];
        }
        int first = inputFree ? 0 : arch.inputs();
        int end = outputCoupling == null ? layout.linearEnd() : layout.stateSize();
        select(solved, first, end);
        addWeightEdges(system.weightEdgesPart(inputFree), first);
        addPattern(masks, diagonal, outputHessian, outputCoupling);
        for (int i = 0; i < n; i++) {
            x[i] = rhs[index[i]];
        }
        DenseCholesky chol = new DenseCholesky(values, n);
        int failed = chol.factorise();
        if (failed >= 0) {
            throw new SingularSystemException(layout.name(layout.vertexAt(index[failed])));
        }
        chol.solve(x);
        double[] u = new double[layout.stateSize()];
        for (int i = 0; i < n; i++) {
            u[index[i]] = x[i];
        }
        return u;
    }

    /** Numbers the solved coordinates in {@code [first, end)} in state order and clears the matrix for them. */
    private void select(boolean[] solved, int first, int end) {
        Arrays.fill(position, -1);
        n = 0;
        for (int c = first; c < end; c++) {
            if (solved[c]) {
                position[c] = n++;
            }
        }
        values = BlockElimination.room(values, n * n);
        Arrays.fill(values, 0, n * n, 0.0);
        for (int c = first; c < end; c++) {
            if (position[c] >= 0) {
                index[position[c]] = c;
            }
        }
    }

    /** Copies the weight edges' part, computed over the coordinates from {@code first}. */
    private void addWeightEdges(DMatrixRMaj gram, int first) {
        int linear = layout.linearEnd();
        for (int i = 0; i < n && index[i] < linear; i++) {
            int row = (index[i] - first) * gram.numCols - first;
            for (int j = 0; j < n && index[j] < linear; j++) {
                values[i * n + j] = gram.data[row + index[j]];
            }
        }
    }

    /** Adds the activation edges at {@code masks}, the {@code diagonal}, and the output's terms. */
    private void addPattern(double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling) {
        for (int l = 1; l < arch.layers(); l++) {
            for (int k = 0; k < arch.width(l); k++) {
                int z = layout.preOffset(l) + k;
                int a = layout.postOffset(l) + k;
                double m = masks[z];
                add(z, z, m * m);
                add(a, a, 1);
                add(z, a, -m);
                add(a, z, -m);
            }
        }
        int z = layout.preOffset(arch.layers());
        int out = layout.outputVertexOffset();
        for (int i = 0; i < arch.outputs(); i++) {
            for (int j = 0; j < arch.outputs(); j++) {
                if (outputHessian != null) {
                    add(z + i, z + j, outputHessian.get(i, j));
                }
                if (outputCoupling != null) {
                    add(out + i, z + j, outputCoupling.get(i, j));
                    add(z + j, out + i, outputCoupling.get(i, j));
                }
            }
            if (outputCoupling != null) {
                add(out + i, out + i, 1);
            }
        }
        for (int i = 0; i < n; i++) {
            values[i * n + i] += diagonal[index[i]];
        }
    }

    /** Adds {@code value} at the state coordinates {@code (r, c)} when both are solved for. */
    private void add(int r, int c, double value) {
        if (position[r] >= 0 && position[c] >= 0) {
            values[position[r] * n + position[c]] += value;
        }
    }
}
