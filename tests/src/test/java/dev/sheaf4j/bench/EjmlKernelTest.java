package dev.sheaf4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Routing;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dense EJML baseline computes what the generic kernel computes (up to summation order). */
class EjmlKernelTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void denseBaselineMatchesTheGenericKernel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OutputActivation head = OutputActivation.values()[(int) (seed % 3)];
        int[] widths = {1 + random.nextInt(5), 1 + random.nextInt(9), 1 + random.nextInt(9), 2 + random.nextInt(3)};
        Architecture arch = new Architecture(widths, new double[] {0.0, seed % 2 == 0 ? 0.1 : 0.0}, head);
        double[] params = Network.heInitialised(arch, seed).parameters();
        SheafKernel generic = new GenericKernel(arch);
        SheafKernel dense = new EjmlKernel(arch);
        int batch = 1 + random.nextInt(7) + (seed > 3 ? Routing.TILE : 0); // large: two tiles against EJML
        double[] state = new double[generic.layout().stateSize() * batch];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextGaussian();
        }
        double[] targets = new double[arch.outputs() * batch];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextDouble();
        }
        PinSet pins = Pins.none().compile(generic.layout(), batch);
        for (int op = 0; op < 5; op++) {
            double[] p1 = params.clone();
            double[] p2 = params.clone();
            double[] v1 = state.clone();
            double[] v2 = state.clone();
            double[] o1 = new double[state.length];
            double[] o2 = new double[state.length];
            Workspace w1 = new Workspace(generic.layout(), batch);
            Workspace w2 = new Workspace(generic.layout(), batch);
            switch (op) {
                case 0 -> {
                    generic.forward(p1, v1, batch);
                    dense.forward(p2, v2, batch);
                }
                case 1 -> {
                    generic.discrepancies(p1, v1, batch, o1);
                    dense.discrepancies(p2, v2, batch, o2);
                }
                case 2 -> {
                    generic.forces(p1, v1, OutputEdgeMode.JACOBIAN, w1, o1);
                    dense.forces(p2, v2, OutputEdgeMode.JACOBIAN, w2, o2);
                }
                case 3 -> {
                    generic.eulerStep(p1, v1, 0.01, OutputEdgeMode.IDENTITY, pins, w1);
                    dense.eulerStep(p2, v2, 0.01, OutputEdgeMode.IDENTITY, pins, w2);
                }
                default -> {
                    generic.trainingStep(p1, v1, targets, 0.01, 0.003, pins, w1);
                    dense.trainingStep(p2, v2, targets, 0.01, 0.003, pins, w2);
                }
            }
            for (double[][] pair : new double[][][] {{p1, p2}, {v1, v2}, {o1, o2}}) {
                for (int i = 0; i < pair[0].length; i++) {
                    assertEquals(pair[0][i], pair[1][i], 1e-12 * (1 + Math.abs(pair[0][i])), "operation " + op + " entry " + i);
                }
            }
        }
    }

    @Test
    void aResidualArchitectureIsRefusedInOneLine() {
        Architecture residual = Architecture.relu(2, 3, 3, 1).withSkips(List.of(Skip.identity(1, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EjmlKernel(residual));
        assertTrue(e.getMessage().contains("skip connections") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
