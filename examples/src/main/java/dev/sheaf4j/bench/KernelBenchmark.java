package dev.sheaf4j.bench;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.solve.PinnedEquilibrium;
import dev.sheaf4j.train.SheafTrainer;
import java.util.SplittableRandom;

/**
 * One Euler step or one joint training step of a network, run by its generated kernel, by the
 * generic kernel and by the dense EJML baseline ({@link EjmlKernel}) on identical copies of the same
 * state, timed in alternation.
 */
public final class KernelBenchmark {
    /** The operation timed. */
    public enum Operation {
        /** One Euler step of the heat equation ({@code alpha dt = 0.01}). */
        EULER,
        /** One joint stalk/weight training step ({@code alpha dt = 0.005}, {@code beta dt = 0.005 / batch}). */
        TRAIN,
        /** The exact harmonic extension of the inputs: the kernel's forward pass. */
        HARMONIC,
        /** The exact pinned equilibrium with {@code z_1[0] = 0.5}, from the forward pass, on one thread. */
        PINNED,
        /**
         * The solve of a step of equilibrium training: the equilibrium with the output tied to the
         * targets (a unit soft pin on {@code z_(k+1)}, or {@code a_out} pinned in identity mode), after
         * one weight step ({@code beta dt = 0.005 / batch}), started warm from the equilibrium before it.
         */
        PINNED_WARM
    }

    /** Which implementation of the kernel contract runs a step. */
    public enum Implementation {
        /** The kernel the annotation processor generated for the network. */
        GENERATED,
        /** The runtime's generic kernel. */
        GENERIC,
        /** The dense EJML baseline. */
        EJML;

        /** This implementation's kernel for {@code model}'s sheaf. */
        public SheafKernel of(SheafModel model) {
            return switch (this) {
                case GENERATED -> model.kernel();
                case GENERIC -> new GenericKernel(model.layout());
                case EJML -> new EjmlKernel(model.layout().architecture());
            };
        }
    }

    /**
     * Nanoseconds per step of each kernel (generated, generic, and the dense EJML baseline) and what
     * the step must at least compute and move.
     */
    public record Result(String network, Architecture architecture, int batch, Operation operation,
            double generatedNanos, double genericNanos, double ejmlNanos, StepCost cost) {
        /** How many times faster the generated kernel is than the generic one. */
        public double speedup() {
            return genericNanos / generatedNanos;
        }

        /** How many times faster the generated kernel is than the dense EJML baseline. */
        public double speedupOverEjml() {
            return ejmlNanos / generatedNanos;
        }

        /** The generated kernel's flop rate in GFLOP/s (0 where the step has no fixed flop count). */
        public double generatedGflops() {
            return cost.flops() / generatedNanos;
        }

        /** The generated kernel's rate of unavoidable traffic in GB/s. */
        public double generatedGBs() {
            return cost.bytes() / generatedNanos;
        }

        /** The bytes of every array a step touches: state, discrepancies, forces, targets and parameters. */
        public long workingSetBytes() {
            SheafLayout layout = new SheafLayout(architecture);
            return 8L * ((2L * layout.stateSize() + layout.discrepancySize() + architecture.outputs()) * batch
                    + architecture.parameterCount());
        }
    }

    private KernelBenchmark() {
    }

    /** Times {@code operation} on {@code model} with {@code batch} samples; {@code roundNanos} per round. */
    public static Result run(String name, SheafModel model, int batch, Operation operation, int rounds,
            long roundNanos) {
        StepTimer generated = new StepTimer(step(Implementation.GENERATED.of(model), model, batch, operation), rounds);
        StepTimer generic = new StepTimer(step(Implementation.GENERIC.of(model), model, batch, operation), rounds);
        StepTimer ejml = new StepTimer(step(Implementation.EJML.of(model), model, batch, operation), rounds);
        generated.warmUp(4 * roundNanos);
        generic.warmUp(4 * roundNanos);
        ejml.warmUp(4 * roundNanos);
        for (int r = 0; r < rounds; r++) {
            generated.measure(roundNanos);
            generic.measure(roundNanos);
            ejml.measure(roundNanos);
        }
        Architecture arch = model.layout().architecture();
        return new Result(name, arch, batch, operation, generated.median(), generic.median(), ejml.median(),
                StepCost.of(arch, operation, batch));
    }

    /** How many steps run from one start before the state and parameters are restored. */
    static final int STEPS_PER_START = 64;

    /**
     * One {@code operation} of {@code kernel} on {@code model}'s parameters, as a repeatable step over
     * its own state: a seeded Gaussian state and uniform targets for {@code batch} samples, the same
     * for every kernel, so that kernels timed apart start from identical data. Every
     * {@value #STEPS_PER_START} steps the state and parameters are restored to that start (the copy is
     * part of the time, a few percent at most), so that every timed step is a step near a random
     * start, whatever the number of steps a run takes: left alone the dynamics settle, and a long run
     * would time steps on a settled state (forces at rounding level), a different workload from a
     * short one.
     */
    public static Runnable step(SheafKernel kernel, SheafModel model, int batch, Operation operation) {
        SheafLayout layout = kernel.layout();
        SplittableRandom random = new SplittableRandom(17);
        double[] state = new double[layout.stateSize() * batch];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextGaussian();
        }
        double[] targets = new double[layout.architecture().outputs() * batch];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextDouble();
        }
        double[] params = model.network().parameters();
        Workspace workspace = new Workspace(layout, batch);
        PinSet pins = Pins.none().compile(layout, batch);
        double betaDt = 0.005 / batch;
        Runnable once = switch (operation) {
            case EULER -> () -> kernel.eulerStep(params, state, 0.01, OutputEdgeMode.JACOBIAN, pins, workspace);
            case TRAIN -> () -> kernel.trainingStep(params, state, targets, 0.005, betaDt, pins, workspace);
            case HARMONIC -> () -> kernel.forward(params, state, batch);
            case PINNED -> pinnedSolve(kernel, model, state, batch);
            case PINNED_WARM -> warmPinnedSolve(kernel, model, state, targets, batch);
        };
        return new RestartingStep(once, state, params);
    }

    /** The exact pinned solve of {@code z_1[0] = 0.5} from the forward pass of {@code state}'s inputs. */
    private static Runnable pinnedSolve(SheafKernel kernel, SheafModel model, double[] state, int batch) {
        double[] start = state.clone();
        kernel.forward(model.network().parameters(), start, batch);
        SheafState initial = new SheafState(kernel.layout(), batch, start);
        Pins pin = Pins.builder().hard(Coordinate.pre(1, 0), 0.5).build();
        EquilibriumSettings settings = EquilibriumSettings.defaults().withParallel(false);
        return () -> PinnedEquilibrium.solve(kernel, model.network(), initial, pin, settings);
    }

    /**
     * The equilibrium of {@code state}'s inputs with the output tied to {@code targets}, solved after one
     * weight step from the equilibrium before it, started warm there.
     */
    private static Runnable warmPinnedSolve(SheafKernel kernel, SheafModel model, double[] state, double[] targets,
            int batch) {
        double[] start = state.clone();
        double[] params = model.network().parameters();
        kernel.forward(params, start, batch);
        SheafLayout layout = kernel.layout();
        Pins tie = SheafTrainer.outputTie(layout.architecture(), targets, batch);
        EquilibriumSettings settings = EquilibriumSettings.defaults().withParallel(false)
                .withMode(OutputEdgeMode.IDENTITY);
        SheafState before = PinnedEquilibrium.solve(kernel, model.network(), new SheafState(layout, batch, start), tie,
                settings).state();
        kernel.trainingStep(params, before.values().clone(), targets, 0.0, 0.005 / batch,
                Pins.none().compile(layout, batch), new Workspace(layout, batch));
        Network stepped = new Network(layout.architecture(), params);
        EquilibriumSettings warm = settings.withWarmStart(true);
        return () -> PinnedEquilibrium.solve(kernel, stepped, before, tie, warm);
    }

    /** A step that restores its state and parameters to their starting values every few steps. */
    private static final class RestartingStep implements Runnable {
        private final Runnable step;
        private final double[] state;
        private final double[] params;
        private final double[] startState;
        private final double[] startParams;
        private int count;

        RestartingStep(Runnable step, double[] state, double[] params) {
            this.step = step;
            this.state = state;
            this.params = params;
            this.startState = state.clone();
            this.startParams = params.clone();
        }

        @Override
        public void run() {
            if (++count == STEPS_PER_START) {
                count = 0;
                System.arraycopy(startState, 0, state, 0, state.length);
                System.arraycopy(startParams, 0, params, 0, params.length);
            }
            step.run();
        }
    }
}
