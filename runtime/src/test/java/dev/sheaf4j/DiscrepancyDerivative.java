package dev.sheaf4j;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The coboundary computed without it: minus the derivative of the generic kernel's weight and
 * activation discrepancies, by central differences, at a random state inside one activation
 * pattern (every pre-activation of a hidden layer at least 0.5 away from its kink, on the side the
 * pattern says), where the discrepancy map is affine.
 */
final class DiscrepancyDerivative {
    private DiscrepancyDerivative() {
    }

    /**
     * {@code -d(discrepancy)/d(x, omega)}: one row per linear edge coordinate, columns {@code x} then
     * the free coordinates {@code z_1 .. z_(k+1)}; compare with {@code [delta_U(x columns) | delta_Omega]}.
     */
    static DMatrixRMaj at(Network network, ActivationPattern pattern, SplittableRandom random) {
        Architecture arch = network.architecture();
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        double[] state = RandomNetworks.gaussian(random, layout.stateSize());
        for (int l = 1; l < arch.layers(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                double side = pattern.mask(l, i) == 1.0 ? 1 : -1;
                state[layout.preOffset(l) + i] = side * (0.5 + random.nextDouble());
            }
        }
        double[] params = network.parameters();
        int rows = layout.freeDimension();
        DMatrixRMaj derivative = new DMatrixRMaj(rows, layout.linearEnd());
        double h = 1e-4;
        double[] up = new double[layout.discrepancySize()];
        double[] down = new double[layout.discrepancySize()];
        for (int c = 0; c < layout.linearEnd(); c++) {
            double saved = state[c];
            state[c] = saved + h;
            kernel.discrepancies(params, state, 1, up);
            state[c] = saved - h;
            kernel.discrepancies(params, state, 1, down);
            state[c] = saved;
            for (int r = 0; r < rows; r++) {
                derivative.set(r, c, -(up[r] - down[r]) / (2 * h));
            }
        }
        return derivative;
    }
}
