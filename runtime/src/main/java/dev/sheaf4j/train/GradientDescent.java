package dev.sheaf4j.train;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.internal.DoubleTrace;
import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.HiddenActivation;
import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
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
        Require.positive(rate, "learning rate");
        Require.atLeastOne(batchSize, "batch size");
        Require.atLeastOne(recordEvery, "recording interval");
        double[] params = initial.parameters();
        DoubleTrace trainLoss = new DoubleTrace();
        DoubleTrace testLoss = new DoubleTrace();
        trainLoss.add(Predictions.loss(kernel, params, train));
        testLoss.add(test == null ? Double.NaN : Predictions.loss(kernel, params, test));
        SplittableRandom random = new SplittableRandom(seed);
        int n = train.size();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Backpropagation fullBatch = new Backpropagation(kernel, train);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (batchSize >= n) {
                fullBatch.step(params, rate);
            } else {
                shuffle(order, random);
                for (int from = 0; from < n; from += batchSize) {
                    int[] part = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
                    new Backpropagation(kernel, train.select(part)).step(params, rate);
                }
            }
            String diverged = "gradient descent diverged at epoch " + epoch + ": ";
            String remedy = "; lower the learning rate (now " + rate + ")";
            if (Require.firstNonFinite(params) >= 0) {
                throw new NonFiniteException(diverged + "the weights became non-finite" + remedy);
            }
            if (epoch % recordEvery == 0 || epoch == epochs) {
                try {
                    trainLoss.add(Predictions.loss(kernel, params, train));
                    testLoss.add(test == null ? Double.NaN : Predictions.loss(kernel, params, test));
                } catch (NonFiniteException e) {
                    throw new NonFiniteException(diverged + e.getMessage() + remedy);
                }
            }
            afterEpoch.accept(epoch);
        }
        return new Result(new Network(initial.architecture(), params), trainLoss.toArray(), testLoss.toArray());
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
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

        Backpropagation(SheafKernel kernel, Dataset data) {
            this.kernel = kernel;
            this.layout = kernel.layout();
            this.arch = layout.architecture();
            this.data = data;
            this.state = Predictions.stateWithInputs(layout, data);
            this.delta = new double[layout.discrepancySize() * data.size()];
            int widest = Arrays.stream(arch.widths()).max().orElse(1);
            this.pulled = new double[widest * data.size()];
            this.targets = data.targets();
        }

        /** {@code params -= rate * grad loss}, by backpropagation through the forward pass. */
        void step(double[] params, double rate) {
            int n = data.size();
            int shift = arch.inputs() * n;
            kernel.forward(params, state, n);
            double[] yHat = Predictions.outputsOf(layout, state, n);
            int layers = arch.layers();
            Loss.gradient(arch.head(), yHat, targets, arch.outputs(), n, delta, layout.preOffset(layers) * n - shift);
            for (int l = layers; l >= 1; l--) {
                int rows = arch.width(l);
                int cols = arch.width(l - 1);
                int from = layout.preOffset(l) * n - shift;
                if (l > 1) {
                    // delta_(l-1) = m_(l-1) * (W_l^T delta_l), with W_l before this step's update
                    Arrays.fill(pulled, 0, cols * n, 0.0);
                    LayerLoops.pullBack(params, arch.weightOffset(l), rows, cols, delta, from, pulled, 0, n);
                    int z = layout.preOffset(l - 1) * n;
                    int to = z - shift;
                    double slope = arch.slope(l - 1);
                    for (int i = 0; i < cols * n; i++) {
                        delta[to + i] = -pulled[i] * HiddenActivation.mask(state[z + i], slope);
                    }
                }
                LayerLoops.descend(params, arch.weightOffset(l), arch.biasOffset(l), rows, cols, delta, from, state,
                        layout.postOffset(l - 1) * n, n, rate);
            }
        }
    }
}
