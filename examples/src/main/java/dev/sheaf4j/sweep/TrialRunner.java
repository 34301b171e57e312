package dev.sheaf4j.sweep;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.Predictions;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs one trial: the training run that {@code train TASK --seed S --threads 1} with the trial's settings makes
 * for the trial's method, through the same {@link MethodRun}, on one thread, so that it gives the same
 * numbers on any machine. Any engine runs trials through {@link #run}.
 */
public final class TrialRunner {
    private TrialRunner() {
    }

    /** A trial's task, network and training settings, built from its settings. */
    record Prepared(Tasks.Task task, SheafModel model, TrainingSettings settings) {
    }

    /**
     * Builds what trial {@code s} trains, without training.
     *
     * @throws IllegalArgumentException naming the setting that does not fit the task
     */
    static Prepared prepare(TrialSettings s) {
        if (!MethodRun.METHODS.contains(s.method())) {
            throw new IllegalArgumentException("unknown method '" + s.method() + "'; choose from "
                    + MethodRun.METHODS);
        }
        Tasks.Task task = Tasks.task(s.task(), s.hidden(), s.seed());
        SheafModel model = task.network().apply(s.seed());
        if (s.widths() != null || s.skips() != null) {
            model = Sheaf.create(customArchitecture(s, model.network().architecture()), s.seed());
        }
        return new Prepared(task, model, trainingSettings(s, task));
    }

    private static Architecture customArchitecture(TrialSettings s, Architecture declared) {
        int[] widths = null;
        if (s.widths() != null) {
            try {
                widths = s.widthValues();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("widths '" + s.widths()
                        + "' are not whole numbers separated by commas");
            }
        }
        return CustomArchitecture.of(declared, s.task(), widths, s.skips());
    }

    /** The task's settings with the trial's on top, on one thread. */
    private static TrainingSettings trainingSettings(TrialSettings s, Tasks.Task task) {
        TrainingSettings t = task.settings();
        t = t.withSchedule(s.epochs() == null ? t.epochs() : s.epochs(),
                s.steps() == null ? t.stepsPerEpoch() : s.steps()).withThreads(1);
        t = s.batchSize() == null ? t : t.withBatchSize(s.batchSize());
        t = s.alpha() == null ? t : t.withAlpha(s.alpha());
        t = s.dt() == null ? t : t.withDt(s.dt());
        t = s.warm() == null ? t : t.withWarmStart(s.warm());
        t = t.withJoint(s.jointSchedule());
        if (s.init() != null) {
            t = t.withInit(stalkInit(s.init()), s.seed());
        }
        if (s.betaN() != null) {
            t = t.withBeta(s.betaN() / t.batchFor(task.data().train().size()));
        }
        return t;
    }

    private static StalkInit stalkInit(String name) {
        try {
            return StalkInit.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown stalk initialisation '" + name + "'; choose from random,"
                    + " forward_pass");
        }
    }

    /** Runs trial {@code s}; a trial that diverges or throws gives a row saying so. */
    public static TrialResult run(TrialSettings s) {
        long start = System.nanoTime();
        try {
            Prepared p = prepare(s);
            Dataset train = p.task().data().train();
            Dataset test = p.task().data().test();
            MethodRun.Outcome r = MethodRun.run(s.method(), p.model().kernel(), p.model().network(), train, test,
                    p.settings(), s.methodOptions(), s.seed(), MethodRun.Progress.NONE);
            return measured(s, p, r, start);
        } catch (NonFiniteException e) {
            return new TrialResult(s, null, null, null, null, 0, true, null, since(start), List.of(), List.of(), 0,
                    List.of(), 0);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return TrialResult.failed(s, message.strip().replaceAll("\\s*\\R\\s*", " "), since(start));
        }
    }

    private static TrialResult measured(TrialSettings s, Prepared p, MethodRun.Outcome r, long start) {
        Double trainAccuracy = null;
        Double testAccuracy = null;
        Network trained = r.network();
        if (p.task().classification() && !r.diverged()) {
            trainAccuracy = Predictions.accuracy(p.model().kernel(), trained.parameters(), p.task().data().train());
            testAccuracy = Predictions.accuracy(p.model().kernel(), trained.parameters(), p.task().data().test());
        }
        double[] trainLoss = r.trainLoss();
        double[] testLoss = r.testLoss();
        Double finalTrain = r.diverged() ? null : TrialResult.finite(trainLoss[trainLoss.length - 1]);
        Double finalTest = r.diverged() ? null : TrialResult.finite(testLoss[testLoss.length - 1]);
        return new TrialResult(s, finalTrain, finalTest, trainAccuracy, testAccuracy, r.epochs(), r.diverged(), null,
                since(start), TrialResult.finite(trainLoss), TrialResult.finite(testLoss), r.weightSteps(),
                Arrays.stream(r.curveSteps()).boxed().toList(), r.seconds());
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
