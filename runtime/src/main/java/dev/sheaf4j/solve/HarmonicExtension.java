package dev.sheaf4j.solve;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.kernel.OutputMap;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The unique harmonic extension of the boundary data: solves {@code delta_Omega omega = -delta_U u}
 * by forward substitution through the blocks of the restricted coboundary, which is unit lower
 * block-triangular: a weight edge reads {@code a_(l-1)} and, through its skip connections, earlier
 * activations already solved. Each activation block's mask is read off the pre-activation block
 * solved just before it, so the activation pattern is discovered during the substitution. The result has zero
 * edge energy; the output vertex, outside {@code L_free}, takes the value {@code phi(z_(k+1))} that
 * zeroes the output edge.
 */
public final class HarmonicExtension {
    private HarmonicExtension() {
    }

    /** The harmonic extension of input {@code x}, as a one-sample state. */
    public static SheafState solve(Network network, double[] x) {
        SheafState state = new SheafState(new SheafLayout(network.architecture()), 1);
        state.setInput(0, x);
        solveInPlace(network, state);
        return state;
    }

    /**
     * Overwrites every free stalk of {@code state} with the harmonic extension of its inputs, sample
     * by sample.
     *
     * @throws IllegalArgumentException if an input is not finite or the state belongs to another architecture
     * @throws dev.sheaf4j.sheaf.NonFiniteException if a stalk overflows, naming the first such vertex and sample
     */
    public static void solveInPlace(Network network, SheafState state) {
        Architecture arch = network.architecture();
        if (!arch.equals(state.layout().architecture())) {
            throw new IllegalArgumentException("state is laid out for " + state.layout().architecture()
                    + ", the network is " + arch);
        }
        int layers = arch.layers();
        DMatrixRMaj[] weightBlocks = new DMatrixRMaj[layers + 1];
        for (int l = 1; l <= layers; l++) {
            weightBlocks[l] = Coboundary.weightBlock(network, l);
        }
        List<Skip> skips = arch.skips();
        DMatrixRMaj[] skipBlocks = new DMatrixRMaj[skips.size()];
        Arrays.setAll(skipBlocks, i -> Coboundary.skipBlock(network, i));
        for (int s = 0; s < state.batch(); s++) {
            double[] x = state.input(s);
            dev.sheaf4j.internal.Require.allFinite(x, "input of sample " + s);
            // solved[l] = a_l (solved[0] = x), read again by the skips out of layer l
            DMatrixRMaj[] solved = new DMatrixRMaj[layers];
            solved[0] = DMatrixRMaj.wrap(x.length, 1, x);
            for (int l = 1; l <= layers; l++) {
                // weight edge l: z_l + (-W_l) a_(l-1) + sum (-P) a_from - b_l = 0, so z_l = b_l - (-W_l) a_(l-1) - ...
                DMatrixRMaj z = DMatrixRMaj.wrap(arch.width(l), 1, network.biases(l));
                CommonOps_DDRM.multAdd(-1.0, weightBlocks[l], solved[l - 1], z);
                for (int i = 0; i < skips.size(); i++) {
                    if (skips.get(i).to() == l) {
                        CommonOps_DDRM.multAdd(-1.0, skipBlocks[i], solved[skips.get(i).from()], z);
                    }
                }
                state.setStalk(l, Stalk.PRE, s, z.data);
                if (l < layers) {
                    // activation edge l: a_l - diag(m_l) z_l = 0, m_l read off the solved z_l
                    double[] a = new double[z.numRows];
                    for (int i = 0; i < a.length; i++) {
                        double mask = z.data[i] >= 0 ? 1.0 : arch.slope(l);
                        a[i] = mask * z.data[i];
                    }
                    state.setStalk(l, Stalk.POST, s, a);
                    solved[l] = DMatrixRMaj.wrap(a.length, 1, a);
                } else if (arch.hasOutputVertex()) {
                    double[] out = new double[z.numRows];
                    OutputMap.apply(arch.head(), z.data, 0, out, 0, out.length, 1);
                    state.setStalk(l, Stalk.POST, s, out);
                }
            }
        }
        FiniteCheck.state("the harmonic extension", state.layout(), state.values(), state.batch(),
                "the inputs or the weights are too large for double precision");
    }
}
