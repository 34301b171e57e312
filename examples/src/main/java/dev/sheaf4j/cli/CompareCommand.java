package dev.sheaf4j.cli;

import dev.sheaf4j.compare.Budget;
import dev.sheaf4j.compare.BudgetCheck;
import dev.sheaf4j.compare.Comparison;
import dev.sheaf4j.compare.MethodSummary;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.plots.ComparisonFigures;
import dev.sheaf4j.plots.FigureFolder;
import dev.sheaf4j.sweep.EngineOptions;
import dev.sheaf4j.sweep.LocalEngine;
import dev.sheaf4j.sweep.SweepListener;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf4j compare TASK}: tuned gradient descent against the methods without a backward pass,
 * each from the same initial weights per seed and at the same weight steps, as sweep trials run by the
 * local engine; prints the table over seeds, with the wall time beside it.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare tuned gradient descent (sgd) with the methods that train without a backward pass"
                + " (sheaf: the joint dynamics, equilibrium, nudged) from the same initial weights, at equal weight"
                + " steps, over seeds; the table gives each method's test loss against sgd's and its seconds.",
            "Default budgets (weight steps per method): paraboloid, saddle 100 x 1000 and circle, blobs 10 x 1000"
                + " steps on batches of 30 (with one hidden layer sgd is then within 10%% of its test loss at ten"
                + " times the budget; --check-budget shows it); iris 10 x 100 full-batch steps; mnist 50 x 100"
                + " steps on batches of 100."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK", description = "paraboloid, saddle, circle, blobs (the paper's), iris or mnist.")
    String task;

    @Option(names = "--hidden", defaultValue = "1",
            description = "Hidden layers of the synthetic tasks' networks: 1 or 2 (default ${DEFAULT-VALUE}).")
    int hidden;

    @Mixin
    ShapeOptions shape;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3",
            description = "Seeds of data, initial weights and batches (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--methods", split = ",", defaultValue = "sgd,sheaf,equilibrium,nudged",
            description = "Methods to compare; sgd is the reference of the ratios (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--epochs", description = "Epochs (default: the task's budget).")
    Integer epochs;

    @Option(names = "--steps", description = "Weight steps per epoch (default: the task's budget).")
    Integer steps;

    @Option(names = "--batch-size", description = "Samples per step; 0 for the full batch (default: the task's"
            + " budget).")
    Integer batchSize;

    @Option(names = "--beta-n", description = "Weight rate of sheaf and equilibrium training as beta times the"
            + " samples per step (default: the task's; it is not searched).")
    Double betaN;

    @Mixin
    JointOptions joint;

    @Mixin
    MethodOptions options;

    @Option(names = "--threads", description = "Trials at once (default: every core).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write plots of test loss against weight steps and"
            + " against seconds, with index.html, to this folder.")
    Path out;

    @Option(names = "--check-budget", description = "Also train tuned sgd with ten times the weight steps and say"
            + " whether the budget's test loss is within 10%% of it (nearly converged).")
    boolean checkBudget;

    @Option(names = "--json", description = "Print the table as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks checks = new OptionChecks(spec).oneOf("TASK", List.of(task), Tasks.NAMES)
                .oneOf("--methods", methods, Comparison.METHODS)
                .require(hidden == 1 || hidden == 2, "--hidden must be 1 or 2, got " + hidden)
                .require(seeds.stream().distinct().count() == seeds.size(), "--seeds must not repeat a seed, got "
                        + seeds)
                .require(methods.stream().distinct().count() == methods.size(), "--methods must not repeat a method,"
                        + " got " + methods)
                .positive("--epochs", epochs).positive("--steps", steps).notNegative("--batch-size", batchSize)
                .positive("--threads", threads).positive("--beta-n", betaN)
                .require(!checkBudget || methods.contains("sgd"), "--check-budget needs sgd among --methods, got "
                        + methods);
        options.check(checks);
        joint.check(checks);
        if (out != null) {
            checks.writableFolder("--out", out);
        }
        if (shape.given()) {
            shape.shape(checks, Tasks.task(task, hidden, 1).network().apply(1L).network().architecture(), task);
        }
        Budget budget = Budget.of(task).with(epochs, steps, batchSize);
        Comparison.SheafOptions sheaf = new Comparison.SheafOptions(betaN, joint.dt, joint.schedule());
        List<TrialSettings> compared = Comparison.trials(task, hidden, shape.widthsText(), shape.skips, budget,
                methods, seeds, options.options(), sheaf);
        Budget tenfold = budget.with(10 * budget.epochs(), null, null);
        List<TrialSettings> check = checkBudget ? Comparison.trials(task, hidden, shape.widthsText(), shape.skips,
                tenfold, List.of("sgd"), seeds, options.options(), sheaf) : List.of();
        List<TrialSettings> trials = new ArrayList<>(check);
        trials.addAll(compared);
        ProgressBar bar = new ProgressBar(System.err, "compare", !quiet && !json);
        List<TrialResult> results = new ArrayList<>();
        try {
            new LocalEngine().run(trials, new EngineOptions(threads != null ? threads
                    : Runtime.getRuntime().availableProcessors(), null), new SweepListener() {
                        @Override
                        public void started(TrialSettings trial) {
                        }

                        @Override
                        public void finished(TrialResult result) {
                            results.add(result);
                            bar.update(results.size(), trials.size(), result.settings().method() + " seed "
                                    + result.settings().seed() + " done");
                        }
                    });
        } finally {
            bar.finish();
        }
        results.sort((a, b) -> Integer.compare(trials.indexOf(a.settings()), trials.indexOf(b.settings())));
        List<MethodSummary> rows = Comparison.summarise(results.stream().filter(r -> compared.contains(r.settings()))
                .toList(), methods, budget);
        BudgetCheck budgetCheck = checkBudget ? BudgetCheck.of(rows.get(methods.indexOf("sgd")),
                Comparison.summarise(results.stream().filter(r -> check.contains(r.settings())).toList(),
                        List.of("sgd"), tenfold).get(0)) : null;
        Path index = null;
        if (out != null) {
            FigureFolder figures = new FigureFolder(out);
            ComparisonFigures.writeAll(figures, results, methods);
            index = figures.writeIndex("sheaf4j compare " + task + " --hidden " + hidden + ", seeds " + seeds);
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("task", task);
            report.put("hidden", hidden);
            report.put("seeds", seeds);
            report.put("budget", budget);
            report.put("results", rows);
            if (budgetCheck != null) {
                report.put("budgetCheck", budgetCheck);
            }
            JsonOutput.printWithNulls(report);
        } else {
            print(budget, rows, budgetCheck, index);
        }
        return 0;
    }

    private void print(Budget budget, List<MethodSummary> rows, BudgetCheck check, Path index) {
        boolean classifier = rows.stream().anyMatch(r -> r.testAccuracy() != null);
        System.out.printf(Locale.ROOT, "%s, %d hidden layer(s): %d weight steps per method (%d epochs x %d steps on"
                + " %s), seeds %s%n%n", task, hidden, budget.weightSteps(), budget.epochs(), budget.steps(),
                budget.batchSize() == 0 ? "the full batch" : "batches of " + budget.batchSize(), seeds);
        System.out.printf(Locale.ROOT, "%-12s %-8s %12s %-22s %-17s %9s %10s %-12s %s%n", "method", "backprop",
                "weight steps", "test loss (mean, sd)", "vs tuned sgd", classifier ? "test acc" : "", "seconds",
                "time vs sgd", "test loss at sgd's seconds");
        for (MethodSummary r : rows) {
            String loss = format(r.testLoss())
                    + (r.testLossSd() == null ? "" : String.format(Locale.ROOT, " +- %.2g", r.testLossSd()));
            String versus = r.testLossRatio() == null || r.method().equals("sgd") ? r.verdict()
                    : String.format(Locale.ROOT, "%.2fx, %s", r.testLossRatio(), r.verdict());
            String accuracy = r.testAccuracy() == null ? "" : String.format(Locale.ROOT, "%.1f%%",
                    100 * r.testAccuracy());
            String seconds = r.seconds() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.seconds());
            String time = r.secondsRatio() == null || r.method().equals("sgd") ? ""
                    : String.format(Locale.ROOT, "%.1fx", r.secondsRatio());
            String equalTime = r.testLossAtSgdSeconds() == null ? "" : format(r.testLossAtSgdSeconds());
            System.out.printf(Locale.ROOT, "%-12s %-8s %12d %-22s %-17s %9s %10s %-12s %s%n", r.method(),
                    r.backprop() ? "yes" : "no", r.weightSteps(), loss, versus, accuracy, seconds, time, equalTime);
            if (r.diverged() > 0 || r.failed() > 0) {
                System.out.printf(Locale.ROOT, "             %d of %d trials diverged, %d failed%s%n", r.diverged(),
                        r.trials(), r.failed(), r.errors().isEmpty() ? "" : ": " + String.join("; ", r.errors()));
            }
        }
        System.out.println();
        System.out.println("Means over the seeds whose trials completed; seconds count training only (a learning-rate"
                + " search on a held-out fifth of the training set is extra). A ratio above 1 loses to tuned sgd. The"
                + " last column is each method's test loss when it had trained as long as sgd.");
        if (check != null) {
            System.out.printf(Locale.ROOT, "Budget check: tuned sgd with ten times the weight steps (%d) reaches test"
                    + " loss %s; the budget's test loss is %s that: %s.%n", check.weightSteps(), format(check.testLoss()),
                    check.ratio() == null ? "-" : String.format(Locale.ROOT, "%.3fx", check.ratio()),
                    check.nearlyConverged() ? "nearly converged" : "not converged, the comparison is early");
        }
        if (index != null) {
            System.out.println("figures: " + index);
        }
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.5g", value);
    }
}
