package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A listener hears every state of a diffusion, in order, and the same run the result reports. */
class DiffusionListenerTest {

    @Test
    void theListenerHearsEveryStepOfTheRunTheResultReports() {
        Sheaf sheaf = Sheaf.create(Architecture.relu(2, 6, 4, 1), 5);
        SheafState start = sheaf.forwardPass(new double[] {0.3, -0.8});
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 2; i < start.values().length; i++) {
            start.values()[i] = random.nextGaussian();
        }
        DiffusionSettings settings = DiffusionSettings.defaults().withEnergyTrace(true).withMaxSteps(3000);
        List<Integer> steps = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        DiffusionResult run = Diffusion.run(sheaf.kernel(), sheaf.network(), start, Pins.none(), settings,
                (step, state) -> {
                    steps.add(step);
                    energies.add(sheaf.discord(state).total() / 2);
                    states.add(state.values().clone());
                });

        assertEquals(run.iterations() + 1, steps.size());
        for (int k = 0; k < steps.size(); k++) {
            assertEquals(k, steps.get(k));
            assertEquals(run.energyTrace()[k], energies.get(k), 1e-12 * (1 + run.energyTrace()[k]), "energy at " + k);
        }
        assertArrayEquals(run.state().values(), states.get(states.size() - 1));
        DiffusionResult quiet = Diffusion.run(sheaf.kernel(), sheaf.network(), start, Pins.none(), settings);
        assertArrayEquals(quiet.state().values(), run.state().values());
        assertArrayEquals(quiet.switchSteps(), run.switchSteps());
    }
}
