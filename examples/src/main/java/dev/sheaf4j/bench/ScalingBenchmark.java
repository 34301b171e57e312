package dev.sheaf4j.bench;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.parallel.EulerSteps;
import dev.sheaf4j.parallel.ThreadPolicy;
import dev.sheaf4j.parallel.TrainingSteps;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import java.util.SplittableRandom;

/**
 * One Euler step or one joint training step of a network's generated kernel on one batch, on one
 * thread (the kernel called directly, as a one-thread run calls it) and split over 2 to N threads
 * ({@link EulerSteps}, {@link TrainingSteps}, stalks kept in the threads' buffers as a full-batch run
 * keeps them), timed in alternation (medians of rounds); and the thread count that
 * {@link ThreadPolicy#automatic} picks for the step, measured before the timing starts.
 */
public final class ScalingBenchmark {
    /** Nanoseconds per step for each thread count {@code 1..nanos.length}, and the default's choice. */
    public record Result(String network, Architecture architecture, int batch, KernelBenchmark.Operation operation,
            double[] nanos, int defaultThreads) {
        /** How many times faster {@code threads} threads are than one. */
        public double speedup(int threads) {
            return nanos[0] / nanos[threads - 1];
        }

        /** Nanoseconds per step on the default's choice of threads. */
        public double defaultNanos() {
            return nanos[Math.min(defaultThreads, nanos.length) - 1];
        }
    }

    private ScalingBenchmark() {
    }

    /**
     * Times {@code operation} (EULER or TRAIN) of {@code model} on {@code batch} samples on 1 to
     * {@code maxThreads} threads, {@code rounds} rounds of {@code roundNanos} each.
     */
    public static Result run(String name, SheafModel model, int batch, KernelBenchmark.Operation operation,
            int maxThreads, int rounds, long roundNanos) {
        Architecture arch = model.layout().architecture();
        int defaultThreads = ThreadPolicy.automatic(ThreadPolicy.work(arch, batch)).threads();
        ThreadedStep[] steps = new ThreadedStep[maxThreads];
        StepTimer[] timers = new StepTimer[maxThreads];
        try {
            for (int t = 0; t < maxThreads; t++) {
                steps[t] = new ThreadedStep(model.kernel(), model.network().parameters(), batch, operation, t + 1);
                timers[t] = new StepTimer(steps[t], rounds);
                timers[t].warmUp(4 * roundNanos);
            }
            for (int r = 0; r < rounds; r++) {
                for (StepTimer timer : timers) {
                    timer.measure(roundNanos);
                }
            }
        } finally {
            for (ThreadedStep step : steps) {
                if (step != null) {
                    step.close();
                }
            }
        }
        double[] nanos = new double[maxThreads];
        for (int t = 0; t < maxThreads; t++) {
            nanos[t] = timers[t].median();
        }
        return new Result(name, arch, batch, operation, nanos, defaultThreads);
    }

    /**
     * A step on its own seeded state on a given number of threads, restarted every
     * {@value KernelBenchmark#STEPS_PER_START} steps as {@link KernelBenchmark#step} restarts its steps.
     */
    private static final class ThreadedStep implements Runnable, AutoCloseable {
        private final double[] params;
        private final double[] startParams;
        private final double[] state;
        private final double[] startState;
        private final double[] targets;
        private final Runnable step;
        private final Runnable restart;
        private final Runnable close;
        private int count;

        ThreadedStep(SheafKernel kernel, double[] params, int batch, KernelBenchmark.Operation operation, int count) {
            SplittableRandom random = new SplittableRandom(17);
            this.params = params;
            this.startParams = params.clone();
            this.state = random.doubles(kernel.layout().stateLength(batch)).map(u -> 2 * u - 1).toArray();
            this.startState = state.clone();
            this.targets = random.doubles((long) kernel.layout().architecture().outputs() * batch).toArray();
            double betaDt = 0.005 / batch;
            boolean euler = switch (operation) {
                case EULER -> true;
                case TRAIN -> false;
                default -> throw new IllegalArgumentException("the scaling suite times EULER and TRAIN, not "
                        + operation);
            };
            if (count == 1) {
                Workspace workspace = new Workspace(kernel.layout(), batch);
                PinSet pins = Pins.none().compile(kernel.layout(), batch);
                step = euler ? () -> kernel.eulerStep(params, state, 0.01, OutputEdgeMode.JACOBIAN, pins, workspace)
                        : () -> kernel.trainingStep(params, state, targets, 0.005, betaDt, pins, workspace);
                restart = () -> System.arraycopy(startState, 0, state, 0, state.length);
                close = () -> { };
            } else if (euler) {
                EulerSteps split = new EulerSteps(kernel, batch, ThreadPolicy.Split.explicit(count), Pins.none());
                step = () -> split.step(params, state, 0.01, OutputEdgeMode.JACOBIAN);
                restart = () -> split.load(startState);
                close = split::close;
            } else {
                TrainingSteps split = new TrainingSteps(kernel, batch, ThreadPolicy.Split.explicit(count), Pins.none());
                step = () -> split.step(params, state, targets, 0.005, betaDt);
                restart = () -> split.load(startState, targets);
                close = split::close;
            }
            restart.run();
        }

        @Override
        public void run() {
            if (++count == KernelBenchmark.STEPS_PER_START) {
                count = 0;
                restart.run();
                System.arraycopy(startParams, 0, params, 0, params.length);
            }
            step.run();
        }

        @Override
        public void close() {
            close.run();
        }
    }
}
