package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import org.junit.jupiter.api.Test;

/** The README's library example, kept compiling and checked for what it claims. */
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
}
