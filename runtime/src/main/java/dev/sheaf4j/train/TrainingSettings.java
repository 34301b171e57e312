package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;
import java.util.Objects;

/**
 * Settings of sheaf training: stalk rate {@code alpha}, weight rate {@code beta}
 * (NaN for the default {@code 1 / n_train}), step {@code dt}, epochs of {@code stepsPerEpoch} joint
 * steps, whether stalks are kept between epochs (warm start) or re-initialised, how they are
 * initialised, the seed of random initialisation and of mini-batch order, and the mini-batch size
 * (0 for full-batch training, the paper's). With mini-batches each step takes the next batch of a
 * seeded shuffle, every sample keeping its own stalks between its batches, and {@code beta}
 * defaults to {@code 1 / batchSize}. The joint steps run on {@code threads} threads, each taking a
 * contiguous share of the samples, or with {@link #AUTOMATIC_THREADS} as
 * {@link dev.sheaf4j.parallel.ThreadPolicy} splits them at the start of the run; a run is
 * deterministic for a given thread count and, when automatic, on a given machine whatever its load.
 * {@code joint} schedules the joint steps around each weight step ({@link JointSchedule#PAPER} by
 * default); equilibrium and nudged training do not use it.
 */
public record TrainingSettings(double alpha, double beta, double dt, int epochs, int stepsPerEpoch, boolean warmStart,
        StalkInit init, long seed, int batchSize, int threads, JointSchedule joint) {
    /** The thread count that leaves the choice to {@link dev.sheaf4j.parallel.ThreadPolicy}. */
    public static final int AUTOMATIC_THREADS = 0;

    public TrainingSettings {
        Require.positive(alpha, "alpha");
        if (!Double.isNaN(beta)) {
            Require.positive(beta, "beta");
        }
        Require.positive(dt, "dt");
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        Require.atLeastOne(stepsPerEpoch, "steps per epoch");
        Objects.requireNonNull(init, "stalk initialisation");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be " + AUTOMATIC_THREADS + " (automatic) or positive, got "
                    + threads);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, got " + batchSize);
        }
        Objects.requireNonNull(joint, "joint schedule");
    }

    /** Settings with the paper's joint schedule. */
    public TrainingSettings(double alpha, double beta, double dt, int epochs, int stepsPerEpoch, boolean warmStart,
            StalkInit init, long seed, int batchSize, int threads) {
        this(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed, batchSize, threads, JointSchedule.PAPER);
    }

    /**
     * {@code alpha = 1}, {@code beta = 1/n_train}, {@code dt = 0.005}, 100 epochs of 1,000 steps,
     * forward-pass re-initialisation each epoch, full batch, threads chosen automatically.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1.0, Double.NaN, 0.005, 100, 1000, false, StalkInit.FORWARD_PASS, 0, 0,
                AUTOMATIC_THREADS);
    }

    /** {@code beta}, resolved against the number of training samples (or the batch size). */
    public double betaFor(int trainingSamples) {
        return Double.isNaN(beta) ? 1.0 / batchFor(trainingSamples) : beta;
    }

    /** The samples per step: the batch size, or all of them. */
    public int batchFor(int trainingSamples) {
        return batchSize == 0 ? trainingSamples : Math.min(batchSize, trainingSamples);
    }

    /** These settings with mini-batches of {@code value} samples (0 for full batch). */
    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed, value, threads,
                joint);
    }

    /** These settings running the joint steps on {@code value} threads ({@link #AUTOMATIC_THREADS}: automatic). */
    public TrainingSettings withThreads(int value) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed, batchSize, value,
                joint);
    }

    /** These settings with another {@code alpha}. */
    public TrainingSettings withAlpha(double value) {
        return new TrainingSettings(value, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed, batchSize,
                threads, joint);
    }

    /** These settings with another {@code beta} (NaN for {@code 1 / n_train}). */
    public TrainingSettings withBeta(double value) {
        return new TrainingSettings(alpha, value, dt, epochs, stepsPerEpoch, warmStart, init, seed, batchSize,
                threads, joint);
    }

    /** These settings with another {@code dt}. */
    public TrainingSettings withDt(double value) {
        return new TrainingSettings(alpha, beta, value, epochs, stepsPerEpoch, warmStart, init, seed, batchSize,
                threads, joint);
    }

    /** These settings with another number of epochs and steps per epoch. */
    public TrainingSettings withSchedule(int epochCount, int steps) {
        return new TrainingSettings(alpha, beta, dt, epochCount, steps, warmStart, init, seed, batchSize, threads,
                joint);
    }

    /** These settings keeping the stalks between epochs, or re-initialising them. */
    public TrainingSettings withWarmStart(boolean value) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, value, init, seed, batchSize, threads,
                joint);
    }

    /** These settings with another initialisation and seed. */
    public TrainingSettings withInit(StalkInit value, long seedValue) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, value, seedValue, batchSize,
                threads, joint);
    }

    /** These settings with another schedule of the joint steps ({@link JointSchedule#PAPER}: the paper's). */
    public TrainingSettings withJoint(JointSchedule value) {
        return new TrainingSettings(alpha, beta, dt, epochs, stepsPerEpoch, warmStart, init, seed, batchSize, threads,
                value);
    }
}
