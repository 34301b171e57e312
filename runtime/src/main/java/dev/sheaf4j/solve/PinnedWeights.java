package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * What the exact solver computes once per weights and shares across samples and iterations: the
 * block system with its weight products, the bound on the energy's curvature that starts the
 * implicit steps of a cold start, and the network with its pinned input folded in, each computed
 * when a solve first needs it. Thread-safe.
 */
final class PinnedWeights {
    private final SheafKernel kernel;
    private final double[] params;
    private final BlockSystem system;
    private final Architecture arch;
    private double curvatureBound;
    private PinnedInput pinnedInput;

    /**
     * The precomputation for {@code network} run by {@code kernel}.
     *
     * @throws IllegalArgumentException if a layer is too wide for a dense block
     */
    PinnedWeights(SheafKernel kernel, Network network) {
        this.kernel = kernel;
        this.params = network.parameters();
        this.arch = network.architecture();
        this.system = new BlockSystem(kernel.layout(), params);
    }

    /** A rough bound on the energy's curvature: 2 plus the largest squared column norm of a weight matrix. */
    private static double curvatureBound(Architecture arch, double[] p) {
        double largest = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            int rows = arch.width(l);
            int cols = arch.width(l - 1);
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    double w = p[arch.weightOffset(l) + i * cols + j];
                    sum += w * w;
                }
                largest = Math.max(largest, sum);
            }
        }
        return 2 + largest;
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

    BlockSystem system() {
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
            curvatureBound = curvatureBound(arch, params);
        }
        return curvatureBound;
    }

}
