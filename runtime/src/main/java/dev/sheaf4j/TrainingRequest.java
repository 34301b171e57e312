package dev.sheaf4j;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.network.Weights;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.JointSchedule;
import dev.sheaf4j.train.NudgeSettings;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.util.Objects;

/**
 * Training about to start: {@code net.training(train).test(test).epochs(20).weightRate(0.01).run()}.
 * Starts from {@link TrainingSettings#defaults()}, no test set, no listener, and the model's declared
 * pins held throughout; each method returns the request, and {@link #run()} trains a copy of the
 * model's weights (the model itself is left as it was).
 */
public final class TrainingRequest {
    private final SheafModel model;
    private final Dataset train;
    private Dataset test;
    private TrainingSettings settings = TrainingSettings.defaults();
    private TrainingListener listener = TrainingListener.NONE;
    private Pins added = Pins.none();
    private boolean declaredPins = true;
    private boolean atEquilibrium;
    private NudgeSettings nudge;

    TrainingRequest(SheafModel model, Dataset train) {
        this.model = Objects.requireNonNull(model, "model");
        this.train = Objects.requireNonNull(train, "training data");
    }

    /** Reports the loss on {@code data} after each epoch as well. */
    public TrainingRequest test(Dataset data) {
        this.test = Objects.requireNonNull(data, "test data");
        return this;
    }

    /** Runs {@code count} epochs (default 100). */
    public TrainingRequest epochs(int count) {
        settings = settings.withSchedule(count, settings.stepsPerEpoch());
        return this;
    }

    /** Takes {@code count} joint steps per epoch (default 1,000). */
    public TrainingRequest stepsPerEpoch(int count) {
        settings = settings.withSchedule(settings.epochs(), count);
        return this;
    }

    /** Steps on seeded mini-batches of {@code samples} (default 0: the full batch). */
    public TrainingRequest batchSize(int samples) {
        settings = settings.withBatchSize(samples);
        return this;
    }

    /** The weight rate {@code beta} (default {@code 1 / n}, {@code n} the samples per step). */
    public TrainingRequest weightRate(double beta) {
        settings = settings.withBeta(Require.positive(beta, "weight rate"));
        return this;
    }

    /** The stalk rate {@code alpha} (default 1). */
    public TrainingRequest stalkRate(double alpha) {
        settings = settings.withAlpha(alpha);
        return this;
    }

    /** The time step {@code dt} (default 0.005). */
    public TrainingRequest dt(double value) {
        settings = settings.withDt(value);
        return this;
    }

    /** How the stalks start (default the forward pass) and whether they are kept between epochs (default not). */
    public TrainingRequest stalks(StalkInit init, boolean warmStart) {
        settings = settings.withInit(init, settings.seed()).withWarmStart(warmStart);
        return this;
    }

    /**
     * How the joint dynamics schedule each weight step (default {@link JointSchedule#PAPER}), e.g.
     * {@code .joint(JointSchedule.PAPER.withStalkSteps(4).withForwardPassEachStep(true).withLayerScaled(true))}.
     */
    public TrainingRequest joint(JointSchedule schedule) {
        settings = settings.withJoint(Objects.requireNonNull(schedule, "joint schedule"));
        return this;
    }

    /** The seed of random stalks and of the mini-batch order (default 0). */
    public TrainingRequest seed(long value) {
        settings = settings.withInit(settings.init(), value);
        return this;
    }

    /**
     * Runs the joint steps on {@code count} threads (default: as many as
     * {@link dev.sheaf4j.parallel.ThreadPolicy} picks from the work per step and the free cores).
     */
    public TrainingRequest threads(int count) {
        settings = settings.withThreads(Require.atLeastOne(count, "threads"));
        return this;
    }

    /** Uses {@code value} for every setting, replacing those given before. */
    public TrainingRequest settings(TrainingSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Tells {@code value} about each finished epoch; it may stop training early. */
    public TrainingRequest listener(TrainingListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** Holds {@code more} during training as well, after the declared pins and those added before. */
    public TrainingRequest pins(Pins more) {
        this.added = added.and(Objects.requireNonNull(more, "pins"));
        return this;
    }

    /** Leaves the model's declared pins free during training (pins added with {@link #pins} still hold). */
    public TrainingRequest withoutDeclaredPins() {
        this.declaredPins = false;
        return this;
    }

    /**
     * Trains by equilibrium training instead of the joint dynamics: each step solves the stalks
     * exactly with the output tied to the target, then takes the local weight step.
     */
    public TrainingRequest atEquilibrium() {
        this.atEquilibrium = true;
        this.nudge = null;
        return this;
    }

    /**
     * Trains by nudged-equilibrium training, a local rule with no backward pass, instead of the joint
     * dynamics: each step settles the stalks with the outputs softly nudged towards the targets and
     * takes {@code rule}'s weight step along the local estimate of the loss gradient, e.g.
     * {@code .nudged(NudgeSettings.of(0.05))} for learning rate 0.05. The epochs, steps, batches and
     * seed still count; the stalk rate, weight rate and {@code dt} are not used.
     */
    public TrainingRequest nudged(NudgeSettings rule) {
        this.nudge = Objects.requireNonNull(rule, "nudge settings");
        this.atEquilibrium = false;
        return this;
    }

    /** Trains and returns the trained model with how training went. */
    public TrainedModel run() {
        SheafTrainer trainer = new SheafTrainer(model.kernel());
        Pins pins = (declaredPins ? model.declaredPins() : Pins.none()).and(added);
        TrainingResult result = nudge != null
                ? trainer.trainNudged(model.network(), train, test, pins, settings, nudge, listener)
                : atEquilibrium ? trainer.trainAtEquilibrium(model.network(), train, test, pins, settings, listener)
                : trainer.train(model.network(), train, test, pins, settings, listener);
        return new TrainedModel(model.withWeights(Weights.of(result.network())), result);
    }
}
