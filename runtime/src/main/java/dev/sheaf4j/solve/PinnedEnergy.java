package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * The energy one sample's exact solve minimises ({@link Certificate#energy()}) and its gradient: the
 * linear edges' energy, the squared output edge when it counts, the soft pins' energy and the
 * cross-entropy potential of an output pinned in identity mode. Not thread-safe: one per sample.
 */
final class PinnedEnergy {
    private final SheafKernel kernel;
    private final double[] params;
    private final OutputTerm output;
    private final Workspace workspace;
    private final double[] strength;
    private final double[] target;
    private final int linearEdges;

    /** The energy of {@code sample} under {@code pins}, with {@code output}'s treatment of the output edge. */
    PinnedEnergy(SheafKernel kernel, double[] params, PinSet pins, int sample, OutputTerm output) {
        this.kernel = kernel;
        this.params = params;
        this.output = output;
        SheafLayout layout = kernel.layout();
        this.workspace = new Workspace(layout, 1);
        this.linearEdges = layout.linearEnd() - layout.architecture().inputs();
        int size = layout.stateSize();
        strength = new double[size];
        target = new double[size];
        for (int k = 0; k < pins.softCount(); k++) {
            strength[pins.softIndex(k)] = pins.softStrength(k);
            target[pins.softIndex(k)] = pins.softTarget(k, sample);
        }
    }

    /** The soft pins' strength by state index: the extra diagonal of the Hessian. */
    double[] strength() {
        return strength;
    }

    /** The energy of the state {@code v}. */
    double of(double[] v) {
        double[] d = workspace.discrepancy();
        kernel.discrepancies(params, v, 1, d);
        return of(d, v);
    }

    /** The energy of the state {@code v} whose discrepancies are {@code d}. */
    double of(double[] d, double[] v) {
        return Energy.halfSquares(d, 0, output.countsOutputEdge() ? d.length : linearEdges) + potentials(v);
    }

    /** The soft pins' energy plus the output's potential. */
    private double potentials(double[] v) {
        double e = output.potential(v);
        for (int c = 0; c < v.length; c++) {
            if (strength[c] > 0) {
                e += 0.5 * strength[c] * (v[c] - target[c]) * (v[c] - target[c]);
            }
        }
        return e;
    }

    /** The gradient at {@code v}, every pre-activation at a kink taken on its positive side. */
    double[] gradient(double[] v) {
        double[] f = workspace.force();
        kernel.forces(params, v, output.treatment().forceMode(), workspace, f);
        double[] g = new double[v.length];
        for (int c = 0; c < v.length; c++) {
            g[c] = -f[c] + strength[c] * (v[c] - target[c]);
        }
        return g;
    }
}
