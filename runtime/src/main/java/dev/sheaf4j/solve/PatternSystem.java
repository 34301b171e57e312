package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.SheafLayout;
import org.ejml.data.DMatrixRMaj;

/**
 * The Newton system of a network's pinned energy at one activation pattern, solved on the
 * coordinates a step moves: what {@link NewtonStep} asks of the weights. A plain network's Hessian is
 * block tridiagonal in the forward order and eliminated block by block ({@link BlockSystem}); a
 * residual network's skips couple vertices far apart, and its system is assembled and factorised as a
 * whole ({@link AssembledSystem}). {@link #of} makes that choice.
 */
sealed interface PatternSystem permits BlockSystem, BlockElimination, AssembledSystem, AssembledSolve {

    /**
     * The system of the network with parameters {@code params} (not modified): block elimination for
     * a plain architecture, the assembled system for a residual one.
     *
     * @throws IllegalArgumentException if the network is too wide for the system's dense blocks
     */
    static PatternSystem of(SheafLayout layout, double[] params) {
        return layout.architecture().residual() ? new AssembledSystem(layout, params) : new BlockSystem(layout, params);
    }

    /**
     * This system for one thread's solves, which may keep their storage from one solve to the next
     * (a block elimination's arrays, an assembled system's matrix); itself when it already keeps them.
     */
    PatternSystem local();

    /**
     * Computes the input's part of the system, for solves in which an input is free; call before
     * such a solve, on the thread that should see its failure.
     *
     * @throws dev.sheaf4j.sheaf.NonFiniteException if it overflows
     */
    void prepareInput();

    /**
     * Solves {@code H u = rhs} on the coordinates marked {@code solved} (state indices), with hidden
     * masks {@code masks} (by state index of {@code z}), extra diagonal {@code diagonal} (by state
     * index), an optional Hessian added to the {@code z_(k+1)} block, and, when the output vertex is
     * part of the solve, its coupling to {@code z_(k+1)} (the {@code a_out} block itself being
     * {@code I}). Entries of {@code u} outside the solved set are 0.
     *
     * @throws SingularSystemException if the system is not positive definite
     * @throws dev.sheaf4j.sheaf.NonFiniteException if a product of weight matrices overflows
     */
    double[] solve(boolean[] solved, double[] masks, double[] diagonal, DMatrixRMaj outputHessian,
            DMatrixRMaj outputCoupling, double[] rhs);
}
