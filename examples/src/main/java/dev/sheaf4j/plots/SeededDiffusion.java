package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.Diffusion;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import java.util.SplittableRandom;

/**
 * One recorded diffusion from a seeded random state: an input drawn uniformly from {@code [-1, 1]},
 * its forward pass, a start with every non-input coordinate drawn from a standard normal, and the
 * run from that start with its energy trace and a {@link DiffusionTrace} taken while it ran.
 *
 * @param input the input
 * @param forward the forward pass of the input, the state the diffusion should reach
 * @param start the random starting state
 * @param settings the settings of the run (with the energy trace on)
 * @param result the run's result
 * @param trace what the run's listener recorded
 */
public record SeededDiffusion(double[] input, SheafState forward, SheafState start, DiffusionSettings settings,
        DiffusionResult result, DiffusionTrace trace) {

    /** Draws the input and the start from {@code seed} and runs the heat equation, recording every {@code every} steps. */
    public static SeededDiffusion run(SheafModel model, long seed, DiffusionSettings settings, int every) {
        int inputs = model.network().architecture().inputs();
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        SheafState forward = model.forwardPass(x);
        SheafState start = forward.copy();
        double[] v = start.values();
        for (int i = inputs; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        DiffusionSettings traced = settings.withEnergyTrace(true);
        DiffusionTrace trace = new DiffusionTrace(model, every);
        DiffusionResult result = Diffusion.run(model.kernel(), model.network(), start, model.declaredPins(), traced,
                trace);
        return new SeededDiffusion(x, forward, start, traced, result, trace);
    }
}
