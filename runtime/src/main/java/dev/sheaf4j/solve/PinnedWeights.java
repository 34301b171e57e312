package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.LayerSpan;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;

/**
 * What the exact solver computes once per weights and shares across samples and iterations: the
 * pattern system with its weight products, the weight edges' layers and skips, and, each computed
 * when a solve first needs it, the bound on the energy's curvature that starts the implicit steps of
 * a cold start and the network with its pinned input folded in. Thread-safe.
 */
final class PinnedWeights {
    private final SheafKernel kernel;
    private final double[] params;
    private final PatternSystem system;
    private final Architecture arch;
    private final List<LayerSpan> layers;
    private final List<List<SkipSpan>> skipsInto;
    private double curvatureBound;
    private PinnedInput pinnedInput;

    /**
     * The precomputation for {@code network} run by {@code kernel}.
     *
     * @throws IllegalArgumentException if a layer (or, for a residual network, the state) is too large for
     *     the pattern system's dense matrices
     */
    PinnedWeights(SheafKernel kernel, Network network) {
        this.kernel = kernel;
        this.params = network.parameters();
        this.arch = network.architecture();
        this.system = PatternSystem.of(kernel.layout(), params);
        this.layers = LayerSpan.of(kernel.layout());
        this.skipsInto = SkipSpan.byTarget(kernel.layout());
    }

    /** The weight edges' layers, in order. */
    List<LayerSpan> layers() {
        return layers;
    }

    /** For each layer in order, the skips into it. */
    List<List<SkipSpan>> skipsInto() {
        return skipsInto;
    }

    /**
     * A rough bound on the energy's curvature: 2 plus the largest squared norm of the weights acting
     * on one coordinate (a column of {@code W_l}, with the columns of the skips' projections, or the
     * identity's ones, from the same stalk).
     */
    private static double curvatureBound(SheafLayout layout, double[] p) {
        double[] columns = new double[layout.stateSize()];
        for (LayerSpan l : LayerSpan.of(layout)) {
            addColumnNorms(p, l.weights(), l.rows(), l.cols(), columns, l.input());
        }
        for (SkipSpan skip : SkipSpan.of(layout)) {
            if (skip.projected()) {
                addColumnNorms(p, skip.projection(), skip.rows(), skip.cols(), columns, skip.source());
            } else {
                for (int j = 0; j < skip.cols(); j++) {
                    columns[skip.source() + j] += 1;
                }
            }
        }
        double largest = 0;
        for (double c : columns) {
            largest = Math.max(largest, c);
        }
        return 2 + largest;
    }

    /** Adds the squared column norms of the {@code rows x cols} matrix at {@code w} in {@code p} to {@code columns[at..]}. */
    private static void addColumnNorms(double[] p, int w, int rows, int cols, double[] columns, int at) {
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double value = p[w + i * cols + j];
                sum += value * value;
            }
            columns[at + j] += sum;
        }
    }

    SheafKernel kernel() {
        return kernel;
    }

    SheafLayout layout() {
        return kernel.layout();
    }

    /** The parameters, not to be modified. */
    double[] params() {
        return params;
    }

    PatternSystem system() {
        return system;
    }

    /** The network with its pinned input folded in, computed on first use (see {@link PinnedInput#pays}). */
    synchronized PinnedInput pinnedInput() {
        if (pinnedInput == null) {
            pinnedInput = new PinnedInput(arch, params);
        }
        return pinnedInput;
    }

    /** The shift of the first implicit step of a cold start, computed on first use. */
    synchronized double curvatureBound() {
        if (curvatureBound == 0) {
            curvatureBound = curvatureBound(layout(), params);
        }
        return curvatureBound;
    }

}
