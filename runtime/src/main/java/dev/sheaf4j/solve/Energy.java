package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.PinSet;

/** The energy {@code E = 1/2 sum_e |disc_e|^2} plus the soft pins' energy, summed over a batch. */
public final class Energy {
    private Energy() {
    }

    /**
     * The energy of {@code state}; uses the workspace's discrepancy buffer.
     *
     * @throws dev.sheaf4j.sheaf.NonFiniteException if the energy overflows, naming the first edge and sample that does
     */
    public static double of(SheafKernel kernel, double[] params, double[] state, PinSet pins, Workspace workspace) {
        double[] d = workspace.discrepancy();
        kernel.discrepancies(params, state, workspace.batch(), d);
        double energy = halfSquares(d, 0, d.length) + pins.softEnergy(state);
        FiniteCheck.energy("the energy", energy, kernel.layout(), d, workspace.batch());
        return energy;
    }

    /** {@code 1/2 sum d_i^2} over {@code from <= i < to}: the energy of those discrepancies. */
    static double halfSquares(double[] d, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += d[i] * d[i];
        }
        return 0.5 * sum;
    }
}
