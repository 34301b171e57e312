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
    private double[] params;
    private final PinnedInput folding;
    private final PinSet pins;
    private double[] inputProduct;
    private final double[] folded;
    private final OutputTerm output;
    private final Workspace workspace;
    private final double[] strength;
    private final double[] target;
    private final int linearEdges;

    /** The energy of {@code sample} under {@code pins}, with {@code output}'s treatment of the output edge. */
    PinnedEnergy(SheafKernel kernel, double[] params, PinSet pins, int sample, OutputTerm output) {
        this(kernel, params, null, null, kernel.layout(), pins, sample, output);
    }

    /**
     * The same energy computed on the network with the pinned input folded in by {@code folding}: for
     * solves in which every input is fixed, {@code inputProduct} being the sample's {@code W_1 x}. The
     * gradient on the input is then not computed (0).
     */
    PinnedEnergy(PinnedInput folding, double[] inputProduct, SheafLayout layout, PinSet pins, int sample,
            OutputTerm output) {
        this(folding.kernel(), null, folding, inputProduct, layout, pins, sample, output);
    }

    private PinnedEnergy(SheafKernel kernel, double[] params, PinnedInput folding, double[] inputProduct,
            SheafLayout layout, PinSet pins, int sample, OutputTerm output) {
        this.kernel = kernel;
        this.params = params;
        this.folding = folding;
        this.pins = pins;
        this.output = output;
        this.workspace = new Workspace(kernel.layout(), 1);
        this.folded = folding == null ? null : new double[kernel.layout().stateSize()];
        this.linearEdges = layout.linearEnd() - layout.architecture().inputs();
        int size = layout.stateSize();
        strength = new double[size];
        target = new double[size];
        for (int k = 0; k < pins.softCount(); k++) {
            strength[pins.softIndex(k)] = pins.softStrength(k);
        }
        sample(sample, inputProduct);
    }

    /**
     * Makes this the energy of {@code sample}, whose {@code W_1 x} is {@code inputProduct} (used only
     * when folded).
     */
    void sample(int sample, double[] inputProduct) {
        for (int k = 0; k < pins.softCount(); k++) {
            target[pins.softIndex(k)] = pins.softTarget(k, sample);
        }
        if (folding != null) {
            this.inputProduct = inputProduct;
            params = null;
        }
    }

    /** The soft pins' strength by state index: the extra diagonal of the Hessian. */
    double[] strength() {
        return strength;
    }

    /** The energy of the state {@code v}. */
    double of(double[] v) {
        double[] d = workspace.discrepancy();
        kernel.discrepancies(params(v), state(v), 1, d);
        return of(d, v);
    }

    /** The parameters of the kernel's network; when folded, for the input in {@code v}, computed once. */
    private double[] params(double[] v) {
        if (params == null) {
            params = folding.paramsFor(v, inputProduct);
        }
        return params;
    }

    /** The state the kernel sees for {@code v}: itself, or its folding. */
    private double[] state(double[] v) {
        if (folding == null) {
            return v;
        }
        folding.fold(v, folded);
        return folded;
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

    /** Writes the gradient at {@code v} into {@code g}, every pre-activation at a kink taken on its positive side. */
    void gradient(double[] v, double[] g) {
        double[] f = workspace.force();
        kernel.forces(params(v), state(v), output.treatment().forceMode(), workspace, f);
        if (folding != null) {
            folding.unfold(f, g);
            f = g;
        }
        for (int c = 0; c < v.length; c++) {
            g[c] = -f[c] + strength[c] * (v[c] - target[c]);
        }
    }
}
