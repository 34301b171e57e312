package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.examples.Paraboloid;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import org.junit.jupiter.api.Test;

/** The README's DSL example, kept compiling and checked for what it claims. */
class ReadmeDslExampleTest {
    @Test
    void readmeDslExampleRuns() {
        Paraboloid net = ParaboloidSheaf.create(42);
        double[] y = net.forward(new double[] {0.5, -0.3});
        DiffusionResult run = net.diffuse(net.forwardPass(new double[] {0.5, -0.3}),
                Pins.builder().hard(net.hidden().pre(0), 0.5).build(), DiffusionSettings.defaults());
        assertEquals(1, y.length);
        assertTrue(run.converged());
        assertEquals(0.5, run.state().get(net.hidden().pre(0), 0), 0.0);
    }
}
