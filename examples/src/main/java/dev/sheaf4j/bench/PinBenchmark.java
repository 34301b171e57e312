package dev.sheaf4j.bench;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import java.util.SplittableRandom;

/**
 * The exact pinned solve against diffusion to the same tolerance, on the same start and pins:
 * diffusion stops when the largest change in a step, {@code alpha dt max |grad E|}, falls below
 * {@code alpha dt} times the exact solver's gradient tolerance.
 */
public final class PinBenchmark {
    /** One comparison. */
    public record Result(String network, int batch, double exactSequentialMillis, double exactParallelMillis,
            double diffusionMillis, int diffusionSteps, boolean diffusionSettled, double maxDifference,
            boolean certified) {
        /** How many times faster the exact solve (on one core) is than diffusion. */
        public double speedup() {
            return diffusionMillis / exactSequentialMillis;
        }
    }

    private PinBenchmark() {
    }

    /** The median time of {@code run} over {@code repeats} timed runs, after about half a second of warm-up. */
    private static double timeMillis(Runnable run, int repeats) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmEnd) {
            run.run();
        }
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            run.run();
            times[r] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[repeats / 2];
    }

    /**
     * Pins {@code z_1[0] = 0.5} in {@code batch} samples (the first input {@code (1, 0.5)}, the rest
     * seeded uniform in {@code [-2, 2]}) and times both solvers; diffusion stops at {@code maxSteps}.
     */
    public static Result run(String name, SheafModel model, int batch, int maxSteps, int repeats) {
        int n0 = model.layout().architecture().inputs();
        SplittableRandom random = new SplittableRandom(5);
        double[][] inputs = new double[batch][n0];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < n0; j++) {
                inputs[s][j] = s == 0 ? (j == 0 ? 1.0 : 0.5) : random.nextDouble(-2, 2);
            }
        }
        SheafState start = model.forwardPass(inputs);
        Pins pins = Pins.builder().hard(Coordinate.pre(1, 0), 0.5).build();
        EquilibriumSettings exact = EquilibriumSettings.defaults();
        DiffusionSettings diffusion = DiffusionSettings.defaults().withMaxSteps(maxSteps)
                .withTolerance(exact.tolerance() * DiffusionSettings.defaults().alpha() * DiffusionSettings.defaults().dt());
        EquilibriumResult solved = model.solveEquilibrium(start, pins, exact.withParallel(false));
        double sequential = timeMillis(() -> model.solveEquilibrium(start, pins, exact.withParallel(false)), repeats);
        double parallel = timeMillis(() -> model.solveEquilibrium(start, pins, exact), repeats);
        long t0 = System.nanoTime();
        DiffusionResult run = model.diffuse(start, pins, diffusion);
        double diffusionMillis = (System.nanoTime() - t0) / 1e6;
        double difference = 0;
        for (int i = 0; i < run.state().values().length; i++) {
            difference = Math.max(difference, Math.abs(run.state().values()[i] - solved.state().values()[i]));
        }
        return new Result(name, batch, sequential, parallel, diffusionMillis, run.iterations(), run.converged(),
                difference, solved.certified());
    }
}
