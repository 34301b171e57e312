package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import org.junit.jupiter.api.Test;

/** One Euler step, worked by hand on a [1,1,1] network: forces, pins and the reported change. */
class EulerStepTest {
    // W_1 = 2, b_1 = 0.5, W_2 = -1, b_2 = 0.25; state (x, z_1, a_1, z_2) = (1, 3, 1, 0)
    private final Network network = Network.of(Architecture.relu(1, 1, 1),
            new double[][][] {{{2.0}}, {{-1.0}}}, new double[][] {{0.5}, {0.25}});
    private final GenericKernel kernel = new GenericKernel(network.architecture());
    private final SheafLayout layout = kernel.layout();

    @Test
    void forcesMatchTheSpecTableWorkedByHand() {
        double[] state = {1, 3, 1, 0};
        // r_1 = 2*1 + 0.5 - 3 = -0.5; s_1 = 1*3 - 1 = 2; r_2 = -1*1 + 0.25 - 0 = -0.75
        double[] force = new double[4];
        kernel.forces(network.parameters(), state, OutputEdgeMode.JACOBIAN, new Workspace(layout, 1), force);
        assertEquals(-2 * -0.5, force[0], 1e-15, "x: -W_1^T r_1");
        assertEquals(-0.5 - 1 * 2, force[1], 1e-15, "z_1: r_1 - m s_1");
        assertEquals(2 - (-1) * -0.75, force[2], 1e-15, "a_1: s_1 - W_2^T r_2");
        assertEquals(-0.75, force[3], 1e-15, "z_2: r_2");
    }

    @Test
    void stepMovesFreeCoordinatesHoldsHardPinsAndPullsSoftPins() {
        double[] state = {1, 3, 1, 0};
        PinSet pins = Pins.builder().hard(Coordinate.post(1, 0), 1.0).soft(Coordinate.pre(2, 0), 1.0, 4.0).build()
                .compile(layout, 1);
        double change = kernel.eulerStep(network.parameters(), state, 0.1, OutputEdgeMode.JACOBIAN, pins,
                new Workspace(layout, 1));
        assertEquals(1.0, state[0], 0.0, "the input is boundary data");
        assertEquals(3 + 0.1 * -2.5, state[1], 1e-15, "z_1 moves by alpha dt force");
        assertEquals(1.0, state[2], 0.0, "a_1 is hard-pinned");
        assertEquals(0 + 0.1 * (-0.75 - 4.0 * (0 - 1.0)), state[3], 1e-15, "z_2 feels the soft pin");
        assertEquals(0.1 * 3.25, change, 1e-15, "largest change of a free coordinate");
    }

    @Test
    void leakyMaskUsesTheSlopeBelowZero() {
        Architecture leaky = new Architecture(new int[] {1, 1, 1}, new double[] {0.1},
                dev.sheaf4j.annotation.OutputActivation.IDENTITY);
        Network net = new Network(leaky, network.parameters());
        GenericKernel k = new GenericKernel(leaky);
        double[] state = {-1, 0, 0, 0};
        k.forward(net.parameters(), state, 1);
        assertEquals(-1.5, state[1], 1e-15, "z_1 = 2*(-1) + 0.5");
        assertEquals(-0.15, state[2], 1e-15, "a_1 = 0.1 z_1");
        assertEquals(0.15 + 0.25, state[3], 1e-15, "z_2 = -a_1 + 0.25");
    }

    @Test
    void outputEdgeModesPushOnTheLastPreActivationAsSpecified() {
        Architecture sigmoid = Architecture.relu(dev.sheaf4j.annotation.OutputActivation.SIGMOID, 1, 1);
        Network net = Network.of(sigmoid, new double[][][] {{{2.0}}}, new double[][] {{0.5}});
        GenericKernel k = new GenericKernel(sigmoid);
        double[] state = {1, 0.3, 0.9}; // x, z_1, a_out
        double p = 1 / (1 + Math.exp(-0.3));
        double o = p - 0.9;
        double r = 2 * 1 + 0.5 - 0.3;
        Workspace ws = new Workspace(k.layout(), 1);
        double[] jacobian = new double[3];
        double[] identity = new double[3];
        k.forces(net.parameters(), state, OutputEdgeMode.JACOBIAN, ws, jacobian);
        k.forces(net.parameters(), state, OutputEdgeMode.IDENTITY, ws, identity);
        assertEquals(r - p * (1 - p) * o, jacobian[1], 1e-15, "z: r - J^T o");
        assertEquals(r - o, identity[1], 1e-15, "z: r - o");
        assertEquals(o, jacobian[2], 1e-15, "a_out: phi(z) - a_out");
        assertEquals(o, identity[2], 1e-15, "a_out: phi(z) - a_out");
    }
}
