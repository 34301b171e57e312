package dev.sheaf4j.train;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.internal.DoubleTrace;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.parallel.SplitForward;
import dev.sheaf4j.parallel.ThreadPolicy;
import dev.sheaf4j.parallel.TrainingSteps;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.solve.PinnedEquilibrium;
import dev.sheaf4j.solve.SingularSystemException;
import java.util.SplittableRandom;

/**
 * Training without a backward pass. In the joint dynamics every step moves the
 * stalks of every sample by their forces, the target entering through the output edge, and each
 * layer's weights by the residual of its edge times its input, all from the old values. In
 * equilibrium training (beyond the paper) each step first solves the stalks exactly for the
 * equilibrium with the output tied to the target, then takes the same local weight step. In nudged
 * equilibrium training each step takes the local weight step at the equilibrium with the output only
 * nudged towards the target, scaled so that it tends to the gradient step as the nudge vanishes.
 * Deterministic for a seed. Predictions and losses use the ordinary forward pass. Steps run on
 * the full batch or, with a batch size, on seeded mini-batches (see {@link TrainingSettings}).
 *
 * <p>Training that diverges (stalks exploding or not finite, weights or losses not finite, an
 * equilibrium that can no longer be solved) stops and reports it, keeping the weights of the last
 * finished epoch; only a run that cannot start (its first step or initial loss fails) throws.
 */
public final class SheafTrainer {
    /** A stalk step larger than this is taken as the dynamics exploding. */
    public static final double EXPLOSION = 1e6;

    private final SheafKernel kernel;
    private final SheafLayout layout;
    private final Architecture arch;

    /** A trainer running {@code kernel}'s steps. */
    public SheafTrainer(SheafKernel kernel) {
        this.kernel = kernel;
        this.layout = kernel.layout();
        this.arch = layout.architecture();
    }

    /**
     * Trains {@code initial} on {@code train} by the joint stalk/weight dynamics, with {@code pins}
     * held throughout; {@code test} may be null. A {@link TrainingSettings#joint()} schedule other than
     * the paper's runs on one thread.
     */
    public TrainingResult train(Network initial, Dataset train, Dataset test, Pins pins, TrainingSettings settings,
            TrainingListener listener) {
        return run(initial, train, test, pins, settings, listener, false);
    }

    /**
     * Trains {@code initial} by equilibrium training: per step, the exact pinned equilibrium of the
     * stalks (the output edge tied to the target: a unit soft pin on {@code z_(k+1)} for an identity
     * head, the cross-entropy potential for a classifier), then the local weight step. A sample whose
     * stalks an earlier step left at an equilibrium starts its solve warm there (usually one Newton
     * iteration); freshly initialised stalks start cold.
     */
    public TrainingResult trainAtEquilibrium(Network initial, Dataset train, Dataset test, Pins pins,
            TrainingSettings settings, TrainingListener listener) {
        return run(initial, train, test, pins, settings, listener, true);
    }

    /**
     * Trains {@code initial} by nudged-equilibrium training, a local rule with no backward pass: per
     * step, the stalks settle exactly at the equilibrium with each output softly nudged towards its
     * target (and, if symmetric, away from it), and the weights take {@code nudge}'s step along the
     * local estimate of the loss gradient (see {@link NudgedGradient}). Epochs, steps, batches, stalk
     * initialisation and the seed come from {@code settings}; its {@code alpha}, {@code beta} and
     * {@code dt} are not used.
     */
    public TrainingResult trainNudged(Network initial, Dataset train, Dataset test, Pins pins,
            TrainingSettings settings, NudgeSettings nudge, TrainingListener listener) {
        check(initial, train, test);
        int b = settings.batchFor(train.size());
        NudgedGradient estimate = new NudgedGradient(kernel, pins, b, nudge.strength(), nudge.symmetric());
        WeightUpdate weightStep = new WeightUpdate(layout, nudge.step(), nudge.layerScaled());
        double[] gradient = new double[arch.parameterCount()];
        return new Run(initial, train, test, pins.compile(layout, b), settings, listener, new Step() {
            @Override
            public double take(double[] params, double[] state, double[] targets, boolean settled) {
                double moved = estimate.estimate(params, state, targets, gradient);
                weightStep.apply(params, gradient, state, b);
                return moved;
            }

            @Override
            public String remedy() {
                return "lower the nudge rate (now " + nudge.rate() + ")";
            }
        }).execute();
    }

    private void check(Network initial, Dataset train, Dataset test) {
        if (!initial.architecture().equals(arch)) {
            throw new IllegalArgumentException("the network " + initial.architecture() + " does not match the kernel's "
                    + arch);
        }
        if (train.targetDimension() != arch.outputs() || (test != null && test.targetDimension() != arch.outputs())) {
            throw new IllegalArgumentException("the targets have " + train.targetDimension() + " values per sample, the"
                    + " network " + arch + " has " + arch.outputs() + " outputs");
        }
    }

    private TrainingResult run(Network initial, Dataset train, Dataset test, Pins pins, TrainingSettings s,
            TrainingListener listener, boolean equilibrium) {
        check(initial, train, test);
        int b = s.batchFor(train.size());
        double alphaDt = s.alpha() * s.dt();
        double betaDt = s.dt() * s.betaFor(train.size());
        PinSet pinSet = pins.compile(layout, b);
        Workspace workspace = new Workspace(layout, b);
        if (equilibrium) {
            Pins fullTie = b == train.size() ? pins.and(outputTie(arch, train.targets(), b)) : null;
            return new Run(initial, train, test, pinSet, s, listener, (params, state, targets, settled) ->
                    equilibriumStep(params, state, targets, betaDt, fullTie != null ? fullTie
                            : pins.and(outputTie(arch, targets, b)), pinSet, workspace, settled)).execute();
        }
        if (!s.joint().isPaper()) {
            ScheduledJointStep scheduled = new ScheduledJointStep(kernel, s.joint(), pinSet, workspace);
            return new Run(initial, train, test, pinSet, s, listener, (params, state, targets, settled) ->
                    scheduled.take(params, state, targets, alphaDt, betaDt)).execute();
        }
        ThreadPolicy.Split split = s.threads() != TrainingSettings.AUTOMATIC_THREADS
                ? ThreadPolicy.Split.explicit(s.threads())
                : ThreadPolicy.splits(pins) ? ThreadPolicy.automatic(ThreadPolicy.work(arch, b))
                : ThreadPolicy.Split.serial();
        if (split.shares() > 1) {
            try (TrainingSteps parallel = new TrainingSteps(kernel, b, split, pins)) {
                return new Run(initial, train, test, pinSet, s, listener, new Step() {
                    @Override
                    public double take(double[] params, double[] state, double[] targets, boolean settled) {
                        return parallel.step(params, state, targets, alphaDt, betaDt);
                    }

                    @Override
                    public void beginFullBatchEpoch(double[] state, double[] targets) {
                        parallel.load(state, targets);
                    }

                    @Override
                    public void endFullBatchEpoch(double[] state) {
                        parallel.unload(state);
                    }
                }).execute();
            }
        }
        return new Run(initial, train, test, pinSet, s, listener, (params, state, targets, settled) ->
                kernel.trainingStep(params, state, targets, alphaDt, betaDt, pinSet, workspace)).execute();
    }

    /**
     * One training step of a batch's stalks and the weights; returns the largest stalk change.
     * {@code settled}: whether every sample's stalks are where an earlier step of this run left them.
     */
    @FunctionalInterface
    private interface Step {
        double take(double[] params, double[] state, double[] targets, boolean settled);

        /** Called before the steps of an epoch on the full batch, with its stalks (hard pins applied) and targets. */
        default void beginFullBatchEpoch(double[] state, double[] targets) {
        }

        /** Called after the steps of an epoch on the full batch; must leave the stalks in {@code state}. */
        default void endFullBatchEpoch(double[] state) {
        }

        /** What to change when these steps diverge. */
        default String remedy() {
            return "lower beta or dt";
        }
    }

    /** One training run: the epochs, the mini-batches, the losses, divergence and the listener. */
    private final class Run {
        private final Dataset train;
        private final Dataset test;
        private final PinSet pins;
        private final TrainingSettings s;
        private final TrainingListener listener;
        private final Step step;
        private final int n;
        private final double[] params;
        private final double[] lastGood;
        private final double[] state;
        private final double[] targets;
        private final MiniBatches batches;
        private final double[] batchState;
        private final double[] batchTargets;
        private final boolean[] settled;
        private final long start = System.nanoTime();
        private long stepsTaken;

        Run(Network initial, Dataset train, Dataset test, PinSet pins, TrainingSettings s, TrainingListener listener,
                Step step) {
            this.train = train;
            this.test = test;
            this.pins = pins;
            this.s = s;
            this.listener = listener;
            this.step = step;
            this.n = train.size();
            int b = s.batchFor(n);
            this.params = initial.parameters();
            this.lastGood = params.clone();
            this.state = Predictions.stateWithInputs(layout, train);
            this.targets = train.targets();
            this.batches = b < n ? new MiniBatches(n, b, s.seed()) : null;
            this.batchState = batches == null ? state : new double[layout.stateLength(b)];
            this.batchTargets = batches == null ? targets : new double[arch.outputs() * b];
            this.settled = new boolean[n];
        }

        TrainingResult execute() {
            SplittableRandom random = new SplittableRandom(s.seed());
            DoubleTrace trainLoss = new DoubleTrace();
            DoubleTrace testLoss = new DoubleTrace();
            trainLoss.add(Predictions.loss(kernel, params, train));
            testLoss.add(test == null ? Double.NaN : Predictions.loss(kernel, params, test));
            String reason = "completed " + s.epochs() + " epochs";
            boolean diverged = false;
            int epoch = 0;
            while (epoch < s.epochs()) {
                if (epoch == 0 || !s.warmStart()) {
                    initialise(state, params, n, s.init(), random);
                    java.util.Arrays.fill(settled, false);
                }
                String failure = null;
                if (batches == null) {
                    pins.applyHard(state);
                    step.beginFullBatchEpoch(state, targets);
                }
                for (int k = 0; k < s.stepsPerEpoch() && failure == null; k++) {
                    failure = stepOnce(epoch + 1, k + 1);
                }
                if (batches == null) {
                    step.endFullBatchEpoch(state);
                }
                double trainAfter = Double.NaN;
                double testAfter = Double.NaN;
                if (failure == null) {
                    try {
                        trainAfter = Predictions.loss(kernel, params, train);
                        testAfter = test == null ? Double.NaN : Predictions.loss(kernel, params, test);
                    } catch (NonFiniteException e) {
                        failure = "diverged in epoch " + (epoch + 1) + ": " + e.getMessage();
                    }
                }
                if (failure != null) {
                    diverged = true;
                    reason = failure + "; kept the weights of epoch " + epoch;
                    System.arraycopy(lastGood, 0, params, 0, params.length);
                    kernel.forward(params, state, n);
                    break;
                }
                epoch++;
                trainLoss.add(trainAfter);
                testLoss.add(testAfter);
                System.arraycopy(params, 0, lastGood, 0, params.length);
                if (!listener.epochFinished(new TrainingListener.EpochReport(epoch, s.epochs(), trainAfter, testAfter,
                        (System.nanoTime() - start) / 1e9, new Network(arch, params)))) {
                    reason = "stopped by the listener after epoch " + epoch;
                    break;
                }
            }
            return new TrainingResult(new Network(arch, params), trainLoss.toArray(), testLoss.toArray(), epoch,
                    (System.nanoTime() - start) / 1e9, diverged, reason, new SheafState(layout, n, state));
        }

        /**
         * One step on the next batch (or the full batch), its stalks gathered and scattered back; returns
         * why training diverged at this step, or null. An equilibrium step that fails on the run's first
         * step is a problem of the setting, not a divergence, and is thrown.
         */
        private String stepOnce(int epoch, int k) {
            int[] batch = batches == null ? null : batches.next();
            if (batch != null) {
                MiniBatches.gather(state, n, batch, batchState, layout.stateSize());
                MiniBatches.gather(targets, n, batch, batchTargets, arch.outputs());
            }
            pins.applyHard(batchState);
            boolean wasSettled = true;
            for (int i = 0; i < (batch == null ? n : batch.length); i++) {
                wasSettled &= settled[batch == null ? i : batch[i]];
            }
            double change;
            try {
                change = step.take(params, batchState, batchTargets, wasSettled);
            } catch (NonFiniteException | SingularSystemException e) {
                if (stepsTaken == 0) {
                    throw e;
                }
                return "diverged at step " + k + " of epoch " + epoch + ": " + (e instanceof SingularSystemException
                        singular ? "the equilibrium's Hessian became singular at block " + singular.block()
                        : e.getMessage()) + "; " + step.remedy();
            }
            stepsTaken++;
            for (int i = 0; i < (batch == null ? n : batch.length); i++) {
                settled[batch == null ? i : batch[i]] = true;
            }
            if (batch != null) {
                MiniBatches.scatter(batchState, batch, state, n, layout.stateSize());
            }
            return divergence(change, params, epoch, k, step.remedy());
        }
    }

    private static String divergence(double change, double[] params, int epoch, int step, String remedy) {
        if (!Double.isFinite(change) || change > EXPLOSION) {
            return "diverged at step " + step + " of epoch " + epoch + ": the stalks "
                    + (Double.isFinite(change) ? "exploded (a step of " + change + ")" : "became non-finite")
                    + "; " + remedy;
        }
        if (step % 100 == 0) {
            for (double p : params) {
                if (!Double.isFinite(p)) {
                    return "diverged at step " + step + " of epoch " + epoch + ": the weights became non-finite;"
                            + " " + remedy;
                }
            }
        }
        return null;
    }

    private void initialise(double[] state, double[] params, int n, StalkInit init, SplittableRandom random) {
        int from = arch.inputs() * n;
        switch (init) {
            case FORWARD_PASS -> SplitForward.forward(kernel, params, state, n);
            case RANDOM -> {
                for (int i = from; i < state.length; i++) {
                    state[i] = random.nextGaussian();
                }
            }
            case ZEROS -> java.util.Arrays.fill(state, from, state.length, 0.0);
            default -> throw new IllegalStateException("unknown initialisation " + init);
        }
    }

    /**
     * Equilibrium training's tie of the output of {@code arch} to each sample's target ({@code (output,
     * sample)} layout, {@code n} samples): a unit soft pin on {@code z_(k+1)}, or {@code a_out} pinned.
     */
    public static Pins outputTie(Architecture arch, double[] targets, int n) {
        Pins.Builder tie = Pins.builder();
        for (int i = 0; i < arch.outputs(); i++) {
            double[] target = java.util.Arrays.copyOfRange(targets, i * n, (i + 1) * n);
            if (arch.hasOutputVertex()) {
                tie.hard(Coordinate.post(arch.layers(), i), target);
            } else {
                tie.soft(Coordinate.pre(arch.layers(), i), target, 1.0);
            }
        }
        return tie.build();
    }

    /**
     * Stalks to their exact tied equilibrium, then the local weight step; returns the largest stalk move.
     * Stalks {@code settled} by the previous step start warm: the equilibrium before one weight step,
     * usually one Newton iteration from the new one.
     *
     * @throws NonFiniteException if the weights or the equilibrium are not finite
     * @throws SingularSystemException if the equilibrium cannot be solved
     */
    private double equilibriumStep(double[] params, double[] state, double[] targets, double betaDt, Pins tied,
            PinSet pins, Workspace workspace, boolean settled) {
        if (Require.firstNonFinite(params) >= 0) {
            throw new NonFiniteException("the weights became non-finite");
        }
        int n = workspace.batch();
        SheafState current = new SheafState(layout, n, state.clone());
        EquilibriumResult solved = PinnedEquilibrium.solve(kernel, new Network(arch, params), current, tied,
                EquilibriumSettings.defaults().withMode(OutputEdgeMode.IDENTITY).withWarmStart(settled));
        double moved = 0;
        double[] next = solved.state().values();
        for (int i = 0; i < layout.linearEnd() * n; i++) {
            moved = Math.max(moved, Math.abs(next[i] - state[i]));
        }
        System.arraycopy(next, 0, state, 0, state.length);
        kernel.trainingStep(params, state, targets, 0.0, betaDt, pins, workspace);
        return moved;
    }
}
