package dev.sheaf4j.cli;

import dev.sheaf4j.plots.FigureFolder;
import dev.sheaf4j.plots.SweepFigures;
import dev.sheaf4j.sweep.EngineOptions;
import dev.sheaf4j.sweep.Engines;
import dev.sheaf4j.sweep.Grid;
import dev.sheaf4j.sweep.ResultsFolder;
import dev.sheaf4j.sweep.SpecFile;
import dev.sheaf4j.sweep.SweepEngine;
import dev.sheaf4j.sweep.SweepListener;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf4j sweep TASK... --out DIR}: trains every point of a grid of {@code train}'s settings
 * over seeds, here or on Spark, and writes the results table, the summary over seeds and figures;
 * a rerun into the same folder runs only the trials not done yet.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train every combination of the given settings (each option takes a comma-separated list) and"
                + " write results.csv, results.jsonl, summary.csv and figures to --out; rerun to resume.")
final class SweepCommand implements Callable<Integer> {
    private static final List<String> ENGINES = List.of("local", "spark");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK", arity = "0..*", description = "paraboloid, saddle, circle, blobs, iris, mnist.")
    List<String> tasks;

    @Option(names = "--spec", paramLabel = "FILE", description = "A JSON grid, such as {\"task\": \"paraboloid\","
            + " \"betaN\": [0.3, 1, 3], \"seed\": [1, 2, 3]}; options given as well replace its keys.")
    Path specFile;

    @Option(names = "--hidden", split = ",", description = "Hidden layers: 1, 2 or both (default 1).")
    List<Integer> hidden;

    @Option(names = "--widths", description = "A custom architecture such as 2,10,8,1; repeat for several.")
    List<String> widths;

    @Option(names = "--skips", description = "Skip connections such as 1-3,0-2p (a_1 into z_3; x into z_2 through a"
            + " projection) or none; repeat for several.")
    List<String> skips;

    @Option(names = "--methods", split = ",", description = "sheaf, equilibrium, nudged, sgd (default sheaf).")
    List<String> methods;

    @Option(names = "--beta-n", split = ",", description = "Weight rates as beta times the samples per step.")
    List<Double> betaN;

    @Option(names = "--dt", split = ",", description = "Time steps.")
    List<Double> dt;

    @Option(names = "--batch-size", split = ",", description = "Samples per step; 0 for the full batch.")
    List<Integer> batchSize;

    @Option(names = "--epochs", split = ",", description = "Epochs.")
    List<Integer> epochs;

    @Option(names = "--steps", split = ",", description = "Joint steps per epoch.")
    List<Integer> steps;

    @Option(names = "--alpha", split = ",", description = "Stalk rates.")
    List<Double> alpha;

    @Option(names = "--init", split = ",", description = "Stalk initialisations: random, forward_pass.")
    List<String> init;

    @Option(names = "--warm", arity = "1", split = ",", description = "Keep the stalks between epochs: true, false.")
    List<Boolean> warm;

    @Option(names = "--joint-stalk-steps", split = ",", description = "Joint dynamics (sheaf): stalk steps per weight"
            + " step (default 1, the paper's).")
    List<Integer> jointStalkSteps;

    @Option(names = "--joint-forward-pass", arity = "1", split = ",", description = "Joint dynamics (sheaf): restart"
            + " each batch's stalks from the forward pass before every weight step: true, false.")
    List<Boolean> jointForwardPass;

    @Option(names = "--joint-layer-rates", arity = "1", split = ",", description = "Joint dynamics (sheaf): per-layer"
            + " weight rates: true, false.")
    List<Boolean> jointLayerRates;

    @Option(names = "--sgd-rate", split = ",", description = "Gradient-descent learning rates (default: chosen on a"
            + " held-out fifth of the training set).")
    List<Double> sgdRate;

    @Option(names = "--nudge", split = ",", description = "Nudge strengths of the nudged method.")
    List<Double> nudge;

    @Option(names = "--nudge-symmetric", arity = "1", split = ",", description = "Nudged method: contrast the nudges"
            + " towards and away from the target: true, false.")
    List<Boolean> nudgeSymmetric;

    @Option(names = "--nudge-rate", split = ",", description = "Learning rates of the nudged method (default: chosen"
            + " on a held-out fifth of the training set).")
    List<Double> nudgeRate;

    @Option(names = "--momentum", split = ",", description = "Momenta of the weight steps of sgd and the nudged"
            + " method, in [0, 1).")
    List<Double> momentum;

    @Option(names = "--layer-rates", arity = "1", split = ",", description = "Nudged method: per-layer rates: true,"
            + " false.")
    List<Boolean> layerRates;

    @Option(names = "--rate-decay", split = ",", description = "sgd and the nudged method: steps N of the rate decay"
            + " rate / (1 + t / N); 0 for a constant rate.")
    List<Integer> rateDecay;

    @Option(names = "--seeds", split = ",", description = "Seeds of data, weights and stalks (default 1).")
    List<Long> seeds;

    @Option(names = "--engine", defaultValue = "local",
            description = "local (this machine's cores) or spark (default ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--threads", description = "Trials at once on this machine (default: every core).")
    Integer threads;

    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[--threads]).")
    String master;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder of the results.")
    Path out;

    @Option(names = "--json", description = "Print what was done, with every result row, as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks checks = new OptionChecks(spec).oneOf("--engine", List.of(engine), ENGINES)
                .positive("--threads", threads)
                .require(master == null || engine.equals("spark"), "--master needs --engine spark")
                .require(specFile != null || tasks != null, "give a TASK or a --spec file");
        Grid grid;
        try {
            grid = grid();
        } catch (IllegalArgumentException | IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SweepEngine chosen = Engines.named(engine);
        checks.writableFolder("--out", out);
        List<TrialSettings> trials = grid.trials();
        ResultsFolder results = ResultsFolder.open(out);
        List<TrialSettings> left = trials.stream().filter(t -> !results.isDone(t)).toList();
        long start = System.nanoTime();
        Progress progress = new Progress(results, trials, new ProgressBar(System.err, "sweep", !quiet && !json),
                left.size(), start);
        try {
            chosen.run(left, new EngineOptions(threads != null ? threads
                    : Runtime.getRuntime().availableProcessors(), master), progress);
        } finally {
            progress.bar.finish();
        }
        results.writeTables(trials);
        List<TrialResult> rows = results.resultsOf(trials);
        FigureFolder figures = new FigureFolder(out);
        SweepFigures.writeAll(figures, rows, grid.varying());
        Path index = figures.writeIndex("sheaf4j sweep: " + grid.varying());
        report(rows, trials.size() - left.size(), left.size(), index, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The grid of the spec file, if any, with the options given on top. */
    private Grid grid() throws IOException {
        Grid grid = specFile == null ? new Grid() : SpecFile.read(specFile);
        given(grid, "task", tasks, "TASK");
        given(grid, "hidden", hidden, "--hidden");
        given(grid, "widths", widths, "--widths");
        given(grid, "skips", skips, "--skips");
        given(grid, "method", methods, "--methods");
        given(grid, "betaN", betaN, "--beta-n");
        given(grid, "dt", dt, "--dt");
        given(grid, "batchSize", batchSize, "--batch-size");
        given(grid, "epochs", epochs, "--epochs");
        given(grid, "steps", steps, "--steps");
        given(grid, "alpha", alpha, "--alpha");
        given(grid, "init", init, "--init");
        given(grid, "warm", warm, "--warm");
        given(grid, "jointStalkSteps", jointStalkSteps, "--joint-stalk-steps");
        given(grid, "jointForwardPass", jointForwardPass, "--joint-forward-pass");
        given(grid, "jointLayerRates", jointLayerRates, "--joint-layer-rates");
        given(grid, "sgdRate", sgdRate, "--sgd-rate");
        given(grid, "nudge", nudge, "--nudge");
        given(grid, "nudgeSymmetric", nudgeSymmetric, "--nudge-symmetric");
        given(grid, "nudgeRate", nudgeRate, "--nudge-rate");
        given(grid, "momentum", momentum, "--momentum");
        given(grid, "layerRates", layerRates, "--layer-rates");
        given(grid, "rateDecay", rateDecay, "--rate-decay");
        given(grid, "seed", seeds, "--seeds");
        grid.check();
        return grid;
    }

    private static void given(Grid grid, String setting, List<?> values, String option) {
        if (values != null) {
            grid.set(setting, values, option);
        }
    }

    private void report(List<TrialResult> rows, int skipped, int ran, Path index, double seconds) {
        long diverged = rows.stream().filter(TrialResult::diverged).count();
        long failed = rows.stream().filter(r -> r.error() != null).count();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("out", out.toString());
            report.put("engine", engine);
            report.put("trials", rows.size());
            report.put("ran", ran);
            report.put("skipped", skipped);
            report.put("diverged", diverged);
            report.put("failed", failed);
            report.put("seconds", seconds);
            report.put("results", rows);
            JsonOutput.print(report);
        } else {
            System.out.printf(Locale.ROOT, "trials: %d, ran %d, skipped %d already in %s; %d diverged, %d failed;"
                    + " wrote results.csv, results.jsonl, summary.csv and %s in %.1f s%n", rows.size(), ran, skipped,
                    out, diverged, failed, index, seconds);
        }
    }

    /** Records each result as it ends and redraws the progress bar: done, running, left and the time left. */
    private static final class Progress implements SweepListener {
        private final ResultsFolder results;
        private final List<TrialSettings> trials;
        private final ProgressBar bar;
        private final int total;
        private final long start;
        private int running;
        private int done;

        Progress(ResultsFolder results, List<TrialSettings> trials, ProgressBar bar, int total, long start) {
            this.results = results;
            this.trials = trials;
            this.bar = bar;
            this.total = total;
            this.start = start;
            bar.update(0, total, "");
        }

        @Override
        public void started(TrialSettings trial) {
            running++;
            redraw();
        }

        @Override
        public void finished(TrialResult result) throws IOException {
            results.append(result);
            results.writeTables(trials);
            running--;
            done++;
            redraw();
        }

        private void redraw() {
            double elapsed = (System.nanoTime() - start) / 1e9;
            String left = done == 0 ? "" : String.format(Locale.ROOT, ", about %.0f s left",
                    elapsed / done * (total - done));
            bar.update(done, total, String.format(Locale.ROOT, "running %d, left %d%s", running, total - done - running,
                    left));
        }
    }
}
