package dev.sheaf4j.train;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.internal.DoubleTrace;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.HiddenActivation;
import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The baseline: gradient descent with backpropagation on the same architecture, initial weights
 * and loss as sheaf training, full batch or in seeded mini-batches.
 */
public final class GradientDescent {
    private GradientDescent() {
    }

    /** Per-epoch losses ({@code [0]} before training) and the final network. */
    public record Result(Network network, double[] trainLoss, double[] testLoss) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result other && network.equals(other.network)
                    && Arrays.equals(trainLoss, other.trainLoss) && Arrays.equals(testLoss, other.testLoss);
        }

        @Override
        public int hashCode() {
            return Objects.hash(network, Arrays.hashCode(trainLoss), Arrays.hashCode(testLoss));
        }

        @Override
        public String toString() {
            return "Result[network=" + network + ", trainLoss=" + Brief.of(trainLoss) + ", testLoss="
                    + Brief.of(testLoss) + "]";
        }
    }

    /**
     * Trains {@code initial} on {@code train} for {@code epochs} epochs with learning rate
     * {@code rate}; each epoch is one full-batch step, or one pass over seeded shuffled mini-batches
     * of {@code batchSize} samples when {@code batchSize < train.size()}. Losses are recorded every
     * {@code recordEvery} epochs (and at the end); {@code test} may be null.
     *
     * @throws NonFiniteException if the weights or a recorded loss become non-finite
     */
    public static Result train(SheafKernel kernel, Network initial, Dataset train, Dataset test, double rate,
            int epochs, int batchSize, long seed, int recordEvery) {
        return train(kernel, initial, train, test, rate, epochs, batchSize, seed, recordEvery, epoch -> { });
    }

    /**
     * Trains as {@link #train(SheafKernel, Network, Dataset, Dataset, double, int, int, long, int)}
     * does, telling {@code afterEpoch} the number of each finished epoch (from 1), for progress.
     */
    public static Result train(SheafKernel kernel, Network initial, Dataset train, Dataset test, double rate,
            int epochs, int batchSize, long seed, int recordEvery, IntConsumer afterEpoch) {
        Curves curves = new Curves(kernel, initial, train, test, rate, "epoch", batchSize, recordEvery);
        double[] params = curves.params;
        SplittableRandom random = new SplittableRandom(seed);
        int n = train.size();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Backpropagation fullBatch = new Backpropagation(kernel, train);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (batchSize >= n) {
                fullBatch.step(params, rate);
            } else {
                MiniBatches.shuffle(order, random);
                for (int from = 0; from < n; from += batchSize) {
                    int[] part = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
                    new Backpropagation(kernel, train.select(part)).step(params, rate);
                }
            }
            curves.after(epoch, epoch % recordEvery == 0 || epoch == epochs);
            afterEpoch.accept(epoch);
        }
        return curves.result();
    }

    /**
     * Trains {@code initial} on {@code train} for {@code steps} weight updates with learning rate
     * {@code rate}, on the batches sheaf training takes for the same {@code batchSize} and
     * {@code seed} (each the next {@code batchSize} samples of a seeded shuffle; the full batch when
     * {@code batchSize >= train.size()}). Losses are recorded every {@code recordEvery} steps (and at
     * the end); {@code afterStep} hears the number of each finished step (from 1).
     *
     * @throws NonFiniteException if the weights or a recorded loss become non-finite
     */
    public static Result trainSteps(SheafKernel kernel, Network initial, Dataset train, Dataset test, double rate,
            int steps, int batchSize, long seed, int recordEvery, IntConsumer afterStep) {
        return trainSteps(kernel, initial, train, test, StepRule.constant(rate), steps, batchSize, seed, recordEvery,
                afterStep);
    }

    /**
     * Trains as {@link #trainSteps(SheafKernel, Network, Dataset, Dataset, double, int, int, long, int,
     * IntConsumer)} does, each weight update taken by {@code rule} (its momentum and schedule).
     */
    public static Result trainSteps(SheafKernel kernel, Network initial, Dataset train, Dataset test, StepRule rule,
            int steps, int batchSize, long seed, int recordEvery, IntConsumer afterStep) {
        Curves curves = new Curves(kernel, initial, train, test, rule.rate(), "step", batchSize, recordEvery);
        double[] params = curves.params;
        int n = train.size();
        MiniBatches batches = batchSize < n ? new MiniBatches(n, batchSize, seed) : null;
        Backpropagation fullBatch = batches == null ? new Backpropagation(kernel, train) : null;
        Update update = rule.plain() ? (pass, p) -> pass.step(p, rule.rate())
                : new RuleUpdate(kernel.layout(), rule);
        for (int step = 1; step <= steps; step++) {
            Backpropagation pass = batches == null ? fullBatch : new Backpropagation(kernel, train.select(batches.next()));
            update.apply(pass, params);
            curves.after(step, step % recordEvery == 0 || step == steps);
            afterStep.accept(step);
        }
        return curves.result();
    }

    /** One weight update from a batch's backpropagation. */
    @FunctionalInterface
    private interface Update {
        void apply(Backpropagation pass, double[] params);
    }

    /** A rule's update: the gradient taken from a step of rate 1 on a copy, then moved by the rule. */
    private static final class RuleUpdate implements Update {
        private final WeightUpdate rule;
        private final double[] stepped;
        private final double[] gradient;

        RuleUpdate(SheafLayout layout, StepRule rule) {
            this.rule = new WeightUpdate(layout, rule, false);
            this.stepped = new double[layout.architecture().parameterCount()];
            this.gradient = new double[stepped.length];
        }

        @Override
        public void apply(Backpropagation pass, double[] params) {
            System.arraycopy(params, 0, stepped, 0, params.length);
            pass.step(stepped, 1.0);
            for (int i = 0; i < params.length; i++) {
                gradient[i] = params[i] - stepped[i];
            }
            rule.apply(params, gradient, null, 0);
        }
    }

    /** The weights being trained and their loss curves, checked for divergence after each update. */
    private static final class Curves {
        private final SheafKernel kernel;
        private final Architecture arch;
        private final Dataset train;
        private final Dataset test;
        private final double rate;
        private final String unit;
        private final double[] params;
        private final DoubleTrace trainLoss = new DoubleTrace();
        private final DoubleTrace testLoss = new DoubleTrace();

        /** Checks the settings of a run and records the initial losses; {@code unit} names an update. */
        Curves(SheafKernel kernel, Network initial, Dataset train, Dataset test, double rate, String unit,
                int batchSize, int recordEvery) {
            Require.positive(rate, "learning rate");
            Require.atLeastOne(batchSize, "batch size");
            Require.atLeastOne(recordEvery, "recording interval");
            this.kernel = kernel;
            this.arch = initial.architecture();
            this.train = train;
            this.test = test;
            this.rate = rate;
            this.unit = unit;
            this.params = initial.parameters();
            record();
        }

        private void record() {
            trainLoss.add(Predictions.loss(kernel, params, train));
            testLoss.add(test == null ? Double.NaN : Predictions.loss(kernel, params, test));
        }

        /** After update {@code index}: throws if the weights or losses diverged; records the losses if asked. */
        void after(int index, boolean recorded) {
            String diverged = "gradient descent diverged at " + unit + " " + index + ": ";
            String remedy = "; lower the learning rate (now " + rate + ")";
            if (Require.firstNonFinite(params) >= 0) {
                throw new NonFiniteException(diverged + "the weights became non-finite" + remedy);
            }
            if (recorded) {
                try {
                    record();
                } catch (NonFiniteException e) {
                    throw new NonFiniteException(diverged + e.getMessage() + remedy);
                }
            }
        }

        Result result() {
            return new Result(new Network(arch, params), trainLoss.toArray(), testLoss.toArray());
        }
    }

    /** One batch's forward and backward pass, with its buffers. */
    static final class Backpropagation {
        private final SheafKernel kernel;
        private final SheafLayout layout;
        private final Architecture arch;
        private final Dataset data;
        private final double[] state;
        private final double[] delta;
        private final double[] pulled;
        private final double[] targets;
        private final List<List<SkipSpan>> skipsInto;

        Backpropagation(SheafKernel kernel, Dataset data) {
            this.kernel = kernel;
            this.layout = kernel.layout();
            this.arch = layout.architecture();
            this.data = data;
            this.state = Predictions.stateWithInputs(layout, data);
            this.delta = new double[layout.discrepancySize() * data.size()];
            this.pulled = new double[layout.stateLength(data.size())];
            this.targets = data.targets();
            this.skipsInto = SkipSpan.byTarget(layout);
        }

        /**
         * {@code params -= rate * grad loss}, by backpropagation through the forward pass: each
         * layer's {@code delta z_l} pulls back onto {@code a_(l-1)} through {@code W_l} and onto the
         * source of each skip into it through {@code P}, all with the weights before this step's update.
         */
        void step(double[] params, double rate) {
            int n = data.size();
            int shift = arch.inputs() * n;
            kernel.forward(params, state, n);
            double[] yHat = Predictions.outputsOf(layout, state, n);
            int layers = arch.layers();
            Loss.gradient(arch.head(), yHat, targets, arch.outputs(), n, delta, layout.preOffset(layers) * n - shift);
            // pulled holds minus the gradient of the loss in each activation a_l, in the state's layout
            Arrays.fill(pulled, 0.0);
            for (int l = layers; l >= 1; l--) {
                int rows = arch.width(l);
                int cols = arch.width(l - 1);
                int from = layout.preOffset(l) * n - shift;
                if (l < layers) {
                    // delta_l = m_l * (W_(l+1)^T delta_(l+1) + sum P^T delta_to over the skips out of a_l)
                    int z = layout.preOffset(l) * n;
                    int a = layout.postOffset(l) * n;
                    double slope = arch.slope(l);
                    for (int i = 0; i < rows * n; i++) {
                        delta[z - shift + i] = -pulled[a + i] * HiddenActivation.mask(state[z + i], slope);
                    }
                }
                if (l > 1) {
                    LayerLoops.pullBack(params, arch.weightOffset(l), rows, cols, delta, from, pulled,
                            layout.postOffset(l - 1) * n, n);
                }
                for (SkipSpan skip : skipsInto.get(l - 1)) {
                    skip.pullBack(params, delta, pulled, n);
                    skip.descend(params, delta, state, n, rate);
                }
                LayerLoops.descend(params, arch.weightOffset(l), arch.biasOffset(l), rows, cols, delta, from, state,
                        layout.postOffset(l - 1) * n, n, rate);
            }
        }
    }
}
