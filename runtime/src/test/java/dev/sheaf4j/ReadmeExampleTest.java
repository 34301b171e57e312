package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's library examples, kept compiling and checked for what they claim. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRunsAsDescribed() {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 4, 1), 42);
        double[] y = sheaf.forward(new double[] {1.0, 0.5});
        SheafState harmonic = sheaf.harmonicExtension(new double[] {1.0, 0.5});
        Spectrum spectrum = sheaf.spectrum(new double[] {1.0, 0.5});

        SheafState start = sheaf.forwardPass(new double[] {1.0, 0.5});
        Pins pins = Pins.builder()
                .hard(Coordinate.pre(1, 0), 0.5)
                .soft(Coordinate.pre(2, 0), 0.0, 10.0)
                .build();
        DiffusionResult run = sheaf.diffuse(start, pins, DiffusionSettings.defaults().withEnergyTrace(true));
        Discord discord = sheaf.discord(run.state());

        assertEquals(y[0], harmonic.output(0)[0], 1e-12);
        assertTrue(spectrum.lambdaMin() > 0);
        assertTrue(run.converged());
        assertEquals(0.5, run.state().get(Coordinate.pre(1, 0), 0), 0.0, "the hard pin holds");
        assertTrue(discord.total() > 0, "pins create tension");
        double[] energy = run.energyTrace();
        assertTrue(energy[energy.length - 1] < energy[0], "diffusion lowers the pinned energy");
    }

    @Test
    void readmeResidualExampleRunsAsDescribed() {
        Architecture residual = Architecture.relu(2, 4, 4, 4, 1)
                .withSkips(List.of(Skip.identity(1, 3), Skip.projection(0, 2)));
        Sheaf sheaf = Sheaf.create(residual, 42);
        double[] x = {1.0, 0.5};
        SheafState harmonic = sheaf.harmonicExtension(x);
        Coboundary coboundary = sheaf.coboundary(x);
        Discord discord = sheaf.discord(sheaf.forwardPass(x));

        assertArrayEquals(sheaf.forwardPass(x).values(), harmonic.values(), 1e-12);
        SheafLayout layout = sheaf.layout();
        int z3 = layout.preOffset(3) - residual.inputs();
        int a1 = layout.postOffset(1) - residual.inputs();
        int z2 = layout.preOffset(2) - residual.inputs();
        // the projection is skip 0 (skips are sorted by target): its -P sits in delta_U's x columns
        double[][] p = sheaf.network().projection(0);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? -1.0 : 0.0, coboundary.restricted().get(z3 + i, a1 + j), "-I at (z_3, a_1)");
            }
            for (int j = 0; j < 2; j++) {
                assertEquals(-p[i][j], coboundary.boundary().get(z2 + i, j), "-P at (z_2, x)");
            }
        }
        assertEquals(List.of(EdgeKind.WEIGHT, EdgeKind.RESIDUAL, EdgeKind.RESIDUAL, EdgeKind.WEIGHT),
                discord.edges().stream().map(e -> e.kind()).filter(EdgeKind::isWeight).toList());
        assertTrue(discord.byKind().containsKey(EdgeKind.RESIDUAL));
    }
}
