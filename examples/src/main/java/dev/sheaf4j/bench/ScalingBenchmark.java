package dev.sheaf4j.bench;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingSettings;
import java.util.SplittableRandom;

/**
 * Joint training steps on one batch split over 1 to N threads: the trainer's own threaded path, on
 * seeded random data, warmed up on every thread count, then timed per step over runs long enough
 * to dwarf the loss evaluations at their start and end (the better of two runs).
 */
public final class ScalingBenchmark {
    /** Nanoseconds per training step for each thread count {@code 1..nanos.length}. */
    public record Result(String network, Architecture architecture, int batch, double[] nanos) {
        /** How many times faster {@code threads} threads are than one. */
        public double speedup(int threads) {
            return nanos[0] / nanos[threads - 1];
        }
    }

    private ScalingBenchmark() {
    }

    /** Times training steps of {@code model} on {@code batch} samples, runs of about {@code nanos} each. */
    public static Result run(String name, SheafModel model, int batch, int maxThreads, long nanos) {
        Architecture arch = model.layout().architecture();
        SplittableRandom random = new SplittableRandom(23);
        double[] inputs = new double[batch * arch.inputs()];
        double[] targets = new double[batch * arch.outputs()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextGaussian();
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextDouble();
        }
        Dataset data = new Dataset(batch, arch.inputs(), arch.outputs(), inputs, targets);
        SheafTrainer trainer = new SheafTrainer(model.kernel());
        TrainingSettings base = TrainingSettings.defaults().withDt(0.01);
        int steps = 20;
        long warmEnd = System.nanoTime() + nanos;
        while (System.nanoTime() < warmEnd) {
            for (int t = 1; t <= maxThreads; t++) {
                perStep(trainer, model, data, base, t, steps);
            }
            steps = Math.min(steps * 2, 1 << 20);
        }
        steps = Math.max(20, (int) (nanos / perStep(trainer, model, data, base, 1, steps)));
        double[] perStep = new double[maxThreads];
        for (int t = 1; t <= maxThreads; t++) {
            perStep[t - 1] = Math.min(perStep(trainer, model, data, base, t, steps),
                    perStep(trainer, model, data, base, t, steps));
        }
        return new Result(name, arch, batch, perStep);
    }

    private static double perStep(SheafTrainer trainer, SheafModel model, Dataset data, TrainingSettings base,
            int threads, int steps) {
        TrainingSettings settings = base.withSchedule(1, steps).withThreads(threads);
        long start = System.nanoTime();
        trainer.train(model.network(), data, null, Pins.none(), settings, TrainingListener.NONE);
        return (double) (System.nanoTime() - start) / steps;
    }
}
