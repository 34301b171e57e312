package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;

/**
 * What the exact solver computes once per weights and shares across samples and iterations: the
 * block system with its weight products, the weights without biases (the linear part of the weight
 * edges), and the bound on the energy's curvature that starts the implicit steps. Immutable.
 */
final class PinnedWeights {
    private final SheafKernel kernel;
    private final double[] params;
    private final double[] withoutBiases;
    private final BlockSystem system;
    private final double curvatureBound;

    /**
     * The precomputation for {@code network} run by {@code kernel}.
     *
     * @throws IllegalArgumentException if a layer is too wide for a dense block
     * @throws dev.sheaf4j.sheaf.NonFiniteException if some {@code W_l^T W_l} overflows
     */
    PinnedWeights(SheafKernel kernel, Network network) {
        this.kernel = kernel;
        this.params = network.parameters();
        Architecture arch = network.architecture();
        this.withoutBiases = params.clone();
        for (int l = 1; l <= arch.layers(); l++) {
            Arrays.fill(withoutBiases, arch.biasOffset(l), arch.biasOffset(l) + arch.width(l), 0.0);
        }
        this.system = new BlockSystem(network, kernel.layout());
        this.curvatureBound = curvatureBound(arch, params);
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

    /** The shift of the first implicit step of a cold start. */
    double curvatureBound() {
        return curvatureBound;
    }

    /** The discrepancies of one sample's state {@code v}. */
    void discrepancies(double[] v, double[] d) {
        kernel.discrepancies(params, v, 1, d);
    }

    /** The weight edges' residuals of {@code direction} without the biases: how they change along it. */
    void linearPart(double[] direction, double[] d) {
        kernel.discrepancies(withoutBiases, direction, 1, d);
    }
}
