package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.Routing.StepRoute;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tile steps against the flat steps of the same generic primitives, on a network whose layers
 * take both forms of the tile gradient (wide layers with the inputs transposed, in groups of four
 * rows and a remainder, and narrow ones by dot products), over several tiles, the last one partial.
 */
class TileStepsTest {
    private static final double TOLERANCE = 1e-11;
    /** Widths 70 -> 9 -> 66 -> 3: 9 rows of 70 inputs, 66 of 9, 3 of 66. */
    private static final Architecture ARCH = new Architecture(new int[] {70, 9, 66, 3}, new double[] {0.0, 0.1},
            OutputActivation.SOFTMAX);

    /** The generic kernel's primitives, every step on the flat route. */
    private static final class FlatGeneric extends AbstractSheafKernel {
        private final GenericKernel generic;

        FlatGeneric(SheafLayout layout) {
            super(layout, StepRoute.FLAT);
            this.generic = new GenericKernel(layout);
        }

        @Override
        public void forward(double[] params, double[] state, int batch) {
            generic.forward(params, state, batch);
        }

        @Override
        protected void linearDiscrepancies(double[] params, double[] state, int batch, double[] out) {
            generic.linearDiscrepancies(params, state, batch, out);
        }

        @Override
        protected void linearForces(double[] params, double[] state, int batch, double[] d, double[] out) {
            generic.linearForces(params, state, batch, d, out);
        }

        @Override
        protected void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt) {
            generic.descendWeights(params, state, batch, d, betaDt);
        }

        @Override
        protected void tileEdges(double[] params, Tile tile, boolean inputForces) {
            generic.tileEdges(params, tile, inputForces);
        }

        @Override
        protected void tileGradient(double[][] gradient, Tile tile) {
            generic.tileGradient(gradient, tile);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Routing.TILE_BATCH, Routing.TILE + 1, 2 * Routing.TILE + 5})
    void tileStepsEqualFlatSteps(int batch) {
        SheafLayout layout = new SheafLayout(ARCH);
        GenericKernel tiles = new GenericKernel(layout);
        FlatGeneric flat = new FlatGeneric(layout);
        SplittableRandom random = new SplittableRandom(batch);
        double[] params = RandomNetworks.network(random, ARCH).parameters();
        double[] state = RandomNetworks.gaussian(random, layout.stateSize() * batch);
        double[] targets = RandomNetworks.gaussian(random, ARCH.outputs() * batch);
        Pins soft = Pins.builder().soft(Coordinate.pre(2, 5), 0.5, 2.0).build();
        for (Pins pins : new Pins[] {soft, soft.and(Pins.builder().freeInput().build())}) {
            PinSet pinSet = pins.compile(layout, batch);
            for (OutputEdgeMode mode : OutputEdgeMode.values()) {
                double[] f1 = new double[state.length];
                double[] f2 = new double[state.length];
                flat.forces(params, state, mode, new Workspace(layout, batch), f1);
                tiles.forces(params, state, mode, new Workspace(layout, batch), f2);
                assertClose(f1, f2, "forces " + mode);
                double[] v1 = state.clone();
                double[] v2 = state.clone();
                double c1 = flat.eulerStep(params, v1, 0.01, mode, pinSet, new Workspace(layout, batch));
                double c2 = tiles.eulerStep(params, v2, 0.01, mode, pinSet, new Workspace(layout, batch));
                assertClose(v1, v2, "Euler " + mode + " " + pins);
                assertEquals(c1, c2, TOLERANCE, "Euler change");
            }
            double[] p1 = params.clone();
            double[] p2 = params.clone();
            double[] v1 = state.clone();
            double[] v2 = state.clone();
            flat.trainingStep(p1, v1, targets, 0.01, 0.003, pinSet, new Workspace(layout, batch));
            tiles.trainingStep(p2, v2, targets, 0.01, 0.003, pinSet, new Workspace(layout, batch));
            assertClose(v1, v2, "training state " + pins);
            assertClose(p1, p2, "training parameters " + pins);
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * (1 + Math.abs(expected[i])), what + ", entry " + i);
        }
    }
}
