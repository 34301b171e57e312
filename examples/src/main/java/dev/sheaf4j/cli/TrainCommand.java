package dev.sheaf4j.cli;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.parallel.ThreadPolicy;
import dev.sheaf4j.sweep.MethodRun;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.Predictions;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf4j train TASK}: trains a task's network by sheaf training (the joint dynamics), by
 * equilibrium training, and by gradient descent from the same initial weights, and reports the
 * losses, accuracies and times side by side.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a task's network without a backward pass and compare with gradient descent from the"
                + " same initial weights. Tasks: paraboloid, saddle, circle, blobs (the paper's), iris, mnist.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TaskChoice choice;

    @Mixin
    ShapeOptions shape;

    @Option(names = "--methods", split = ",", defaultValue = "sheaf,sgd",
            description = "Any of sheaf (joint dynamics), equilibrium, nudged (nudged equilibrium, a local rule), sgd"
                    + " (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--epochs", description = "Epochs (default: the task's, 100 for the paper's tasks).")
    Integer epochs;

    @Option(names = "--steps", description = "Joint steps per epoch (default: the task's, 1000 for the paper's tasks).")
    Integer steps;

    @Option(names = "--alpha", description = "Stalk rate alpha (default 1).")
    Double alpha;

    @Option(names = "--beta-n", description = "Weight rate as beta times the samples per step (default 1, that is"
            + " beta = 1 / n_train, or 1 / batch size with mini-batches).")
    Double betaTimesN;

    @Option(names = "--batch-size", description = "Samples per step; 0 for full batch (default: the task's).")
    Integer batchSize;

    @Option(names = "--init", description = "Stalk initialisation: ${COMPLETION-CANDIDATES} (default: random with warm"
            + " start for regression, forward pass each epoch for classification).")
    StalkInit init;

    @Option(names = "--warm", negatable = true, description = "Keep the stalks between epochs (default: the task's).")
    Boolean warm;

    @Mixin
    JointOptions joint;

    @Option(names = "--sgd-epochs", description = "Gradient-descent epochs over the training set (default: as many"
            + " weight steps, on the same batches, as the sheaf methods take).")
    Integer sgdEpochs;

    @Mixin
    MethodOptions options;

    @Option(names = "--threads", description = "Threads for the joint steps, the batch cut into as many shares"
            + " (default: one share per " + ThreadPolicy.MIN_WORK_PER_THREAD + " weight-sample products of a step, at"
            + " most one per core, stepped on the cores found free, so the numbers do not depend on the load).")
    Integer threads;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the network trained by the first method.")
    Path save;

    @Option(names = "--json", description = "Print the results, with the per-epoch curves, as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        OptionChecks checks = new OptionChecks(spec).oneOf("--methods", methods, MethodRun.METHODS)
                .positive("--epochs", epochs).positive("--steps", steps).notNegative("--batch-size", batchSize)
                .positive("--alpha", alpha).positive("--beta-n", betaTimesN).positive("--sgd-epochs", sgdEpochs)
                .positive("--threads", threads).writableFile("--save", save)
                .require(sgdEpochs == null || options.plainSteps(), "--sgd-epochs trains plain"
                        + " gradient descent by epochs; give --momentum or --rate-decay without it");
        options.check(checks);
        joint.check(checks);
        choice.check(checks);
        Tasks.Task t = choice.task();
        SheafModel model = t.network().apply(choice.seed);
        if (shape.given()) {
            model = Sheaf.create(shape.shape(checks, model.network().architecture(), t.name()), choice.seed);
        }
        TrainingSettings settings = settings(t);
        SheafKernel kernel = model.kernel();
        Network initial = model.network();
        Dataset train = t.data().train();
        Dataset test = t.data().test();
        List<Map<String, Object>> rows = new ArrayList<>();
        Network first = null;
        for (String method : methods) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", method);
            Network trained;
            double[] trainCurve;
            double[] testCurve;
            double seconds;
            String outcome;
            ProgressBar bar = new ProgressBar(System.err, method, !quiet && !json);
            try {
                if (method.equals("sgd") && sgdEpochs != null) {
                    int batch = settings.batchFor(train.size());
                    double rate = options.sgdRate != null ? options.sgdRate : t.sgdRate();
                    row.put("learningRate", rate);
                    long start = System.nanoTime();
                    GradientDescent.Result r = gradientDescentEpochs(kernel, initial, train, test, rate, batch, bar);
                    seconds = (System.nanoTime() - start) / 1e9;
                    outcome = "completed " + sgdEpochs + " epochs at learning rate " + rate
                            + (batch < train.size() ? " in batches of " + batch : "");
                    row.put("weightSteps", (long) sgdEpochs * ((train.size() + batch - 1) / batch));
                    trained = r.network();
                    trainCurve = r.trainLoss();
                    testCurve = r.testLoss();
                } else {
                    MethodRun.Outcome r = MethodRun.run(method, kernel, initial, train, test, settings,
                            options.options(), choice.seed, bar::update);
                    row.putAll(r.notes());
                    row.put("weightSteps", r.weightSteps());
                    trained = r.network();
                    trainCurve = r.trainLoss();
                    testCurve = r.testLoss();
                    seconds = r.seconds();
                    outcome = r.outcome();
                }
            } finally {
                bar.finish();
            }
            if (first == null) {
                first = trained;
            }
            row.put("finalTrainLoss", trainCurve[trainCurve.length - 1]);
            row.put("finalTestLoss", testCurve[testCurve.length - 1]);
            if (t.classification()) {
                row.put("trainAccuracy", Predictions.accuracy(kernel, trained.parameters(), train));
                row.put("testAccuracy", Predictions.accuracy(kernel, trained.parameters(), test));
            }
            row.put("seconds", seconds);
            row.put("outcome", outcome);
            row.put("trainLossCurve", trainCurve);
            row.put("testLossCurve", testCurve);
            rows.add(row);
        }
        if (save != null && first != null) {
            NetworkFile.save(first, save);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", t.name());
        report.put("architecture", initial.architecture().toString());
        report.put("trainSamples", train.size());
        report.put("testSamples", test.size());
        report.put("settings", settings);
        report.put("lambdaMinAtInitMedian", medianLambdaMin(model, train));
        report.put("results", rows);
        if (json) {
            JsonOutput.print(report);
        } else {
            print(t, initial, settings, rows, (Double) report.get("lambdaMinAtInitMedian"));
        }
        return 0;
    }

    private GradientDescent.Result gradientDescentEpochs(SheafKernel kernel, Network initial, Dataset train,
            Dataset test, double rate, int batch, ProgressBar bar) {
        int every = Math.max(1, sgdEpochs / 200);
        bar.update(0, sgdEpochs, "gradient descent");
        return GradientDescent.train(kernel, initial, train, test, rate, sgdEpochs, batch, choice.seed,
                Math.max(1, sgdEpochs / 100), epoch -> {
                    if (epoch % every == 0 || epoch == sgdEpochs) {
                        bar.update(epoch, sgdEpochs, "gradient descent");
                    }
                });
    }

    /** The median spectral gap of {@code L_free} over the first 50 training inputs, at the initial weights. */
    private static double medianLambdaMin(SheafModel model, Dataset train) {
        int count = Math.min(50, train.size());
        double[] gaps = new double[count];
        for (int s = 0; s < count; s++) {
            gaps[s] = model.spectrum(train.input(s)).lambdaMin();
        }
        java.util.Arrays.sort(gaps);
        return gaps[count / 2];
    }

    private TrainingSettings settings(Tasks.Task t) {
        TrainingSettings s = t.settings();
        s = s.withSchedule(epochs != null ? epochs : s.epochs(), steps != null ? steps : s.stepsPerEpoch());
        if (batchSize != null) {
            s = s.withBatchSize(batchSize);
        }
        if (threads != null) {
            s = s.withThreads(threads);
        }
        if (alpha != null) {
            s = s.withAlpha(alpha);
        }
        if (betaTimesN != null) {
            s = s.withBeta(betaTimesN / s.batchFor(t.data().train().size()));
        }
        if (joint.dt != null) {
            s = s.withDt(joint.dt);
        }
        if (init != null) {
            s = s.withInit(init, choice.seed);
        }
        if (warm != null) {
            s = s.withWarmStart(warm);
        }
        return s.withJoint(joint.schedule());
    }

    private void print(Tasks.Task t, Network initial, TrainingSettings s, List<Map<String, Object>> rows,
            double lambdaMin) {
        System.out.printf(Locale.ROOT, "%s: %s, %d training and %d test samples, seed %d; lambda_min of L_free at"
                + " initialisation (median) %.4g%n", t.name(), initial.architecture(), t.data().train().size(),
                t.data().test().size(), choice.seed, lambdaMin);
        int n = t.data().train().size();
        System.out.printf(Locale.ROOT, "sheaf settings: alpha %g, beta %.4g (beta x samples per step %.3g), dt %g, %d"
                + " epochs x %d steps on %s, %s, %s, threads %s%n%n", s.alpha(), s.betaFor(n),
                s.betaFor(n) * s.batchFor(n), s.dt(), s.epochs(), s.stepsPerEpoch(),
                s.batchFor(n) == n ? "the full batch" : "batches of " + s.batchFor(n),
                s.warmStart() ? "warm start" : "re-initialised each epoch", s.init().name().toLowerCase(Locale.ROOT),
                s.threads() == TrainingSettings.AUTOMATIC_THREADS ? "automatic" : s.threads());
        System.out.printf(Locale.ROOT, "%-12s %12s %12s %12s %10s %9s %9s%n", "method", "weight steps", "train loss",
                "test loss", t.classification() ? "test acc" : "", "seconds", "");
        for (Map<String, Object> row : rows) {
            System.out.printf(Locale.ROOT, "%-12s %12d %12.5g %12.5g %10s %9.2f%n", row.get("method"),
                    (Long) row.get("weightSteps"), (Double) row.get("finalTrainLoss"),
                    (Double) row.get("finalTestLoss"),
                    t.classification() ? String.format(Locale.ROOT, "%.1f%%", 100 * (Double) row.get("testAccuracy"))
                            : "", (Double) row.get("seconds"));
            System.out.println("             " + row.get("outcome"));
        }
    }
}
