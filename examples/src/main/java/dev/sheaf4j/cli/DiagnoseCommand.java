package dev.sheaf4j.cli;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.diagnose.ConvergenceCheck;
import dev.sheaf4j.diagnose.PinnedDiscord;
import dev.sheaf4j.diagnose.SpectralSurvey;
import dev.sheaf4j.diagnose.Summary;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.plots.SwitchSteps;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.train.Dataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf4j diagnose TASK}: looks inside a network on a task's test data: the spectrum of
 * {@code L_free} over the inputs, where the prediction error lives (pinned discord), and how fast a
 * diffusion converges against the spectral gap.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Spectrum of L_free over test inputs, pinned discord of the network on the test data, and a"
                + " convergence check, for a task's network (seeded, or --load a trained one).")
final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TaskChoice choice;

    @Option(names = "--load", paramLabel = "FILE", description = "Diagnose this saved network (e.g. from train --save).")
    Path load;

    @Option(names = "--inputs", defaultValue = "100", description = "Test inputs to use (default ${DEFAULT-VALUE}).")
    int inputs;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        OptionChecks checks = new OptionChecks(spec).positive("--inputs", inputs);
        choice.check(checks);
        Tasks.Task t = choice.task();
        SheafModel model = load != null ? Sheaf.of(TaskChoice.loadFitting(load, t)) : t.network().apply(choice.seed);
        Dataset test = t.data().test();
        int n = Math.min(inputs, test.size());
        int[] first = new int[n];
        java.util.Arrays.setAll(first, i -> i);
        Dataset sample = test.select(first);
        SpectralSurvey survey = SpectralSurvey.of(model, sample, n);
        PinnedDiscord discord = PinnedDiscord.of(model, sample);
        ConvergenceCheck convergence = convergence(model, sample.input(0));
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("task", t.name());
            out.put("architecture", model.network().architecture().toString());
            out.put("inputs", n);
            out.put("spectrum", survey);
            Map<String, Object> pinned = new LinkedHashMap<>();
            pinned.put("certified", discord.certified());
            pinned.put("total", discord.total());
            Map<String, Summary> edges = new LinkedHashMap<>();
            for (int e = 0; e < discord.edges().size(); e++) {
                edges.put(discord.edges().get(e).name(), discord.perEdge().get(e));
            }
            pinned.put("perEdge", edges);
            pinned.put("byLayer", discord.byLayer());
            out.put("pinnedDiscord", pinned);
            out.put("convergence", convergence);
            JsonOutput.print(out);
        } else {
            print(t, model, n, survey, discord, convergence);
        }
        return discord.certified() == n ? 0 : Main.FAILED;
    }

    /** A diffusion from a seeded random state at input {@code x}, with {@code dt} a tenth of the stability bound. */
    private ConvergenceCheck convergence(SheafModel model, double[] x) {
        SheafState start = model.forwardPass(x);
        SplittableRandom random = new SplittableRandom(choice.seed);
        double[] v = start.values();
        for (int i = x.length; i < v.length; i++) {
            v[i] += random.nextGaussian();
        }
        double dt = 0.2 / model.spectrum(x).lambdaMax();
        DiffusionResult run = model.diffuse(start, Pins.none(), DiffusionSettings.defaults().withDt(dt)
                .withTolerance(1e-13 * dt).withMaxSteps(2_000_000).withEnergyTrace(true));
        return ConvergenceCheck.of(model.network(), run, 1.0, dt);
    }

    private static String format(Summary s) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", s.median(), s.lowerQuartile(), s.upperQuartile());
    }

    private void print(Tasks.Task t, SheafModel model, int n, SpectralSurvey survey, PinnedDiscord discord,
            ConvergenceCheck c) {
        System.out.printf(Locale.ROOT, "%s: %s (%s), %d test inputs%n%n", t.name(), model.network().architecture(),
                load != null ? "loaded from " + load : "He-initialised, seed " + choice.seed, n);
        System.out.println("spectrum of L_free at each input's pattern, median [quartiles]:");
        System.out.printf(Locale.ROOT, "  lambda_min %s, lambda_max %s, condition number %s%n",
                format(survey.lambdaMin()), format(survey.lambdaMax()), format(survey.conditionNumber()));
        StringBuilder shares = new StringBuilder();
        survey.fiedlerShares().forEach((block, s) -> shares.append(String.format(Locale.ROOT, " %s %.3f", block,
                s.median())));
        System.out.printf(Locale.ROOT, "  Fiedler vector's share by block (median):%s%n", shares);
        System.out.printf(Locale.ROOT, "  its stability across inputs (mean |cos| with the first input's): %.3f%n%n",
                survey.fiedlerStability());
        System.out.printf(Locale.ROOT, "pinned discord (output pinned to the label, exact equilibria, %d of %d"
                + " certified), mean +- deviation over the inputs:%n", discord.certified(), n);
        double total = Math.max(discord.total().mean(), Double.MIN_VALUE);
        for (int e = 0; e < discord.edges().size(); e++) {
            Summary s = discord.perEdge().get(e);
            System.out.printf(Locale.ROOT, "  %-13s %11.5g +- %-11.5g %5.1f%%  %s%n", discord.edges().get(e).name(),
                    s.mean(), s.deviation(), 100 * s.mean() / total, "#".repeat((int) Math.round(40 * s.mean() / total)));
        }
        System.out.printf(Locale.ROOT, "  %-13s %11.5g +- %-11.5g%n%n", "total", discord.total().mean(),
                discord.total().deviation());
        System.out.printf(Locale.ROOT, "convergence of a diffusion from a random state at the first input:%n");
        System.out.printf(Locale.ROOT, "  fitted decay rate of E %.5g; 2 alpha lambda_min %.5g (for the Euler scheme"
                + " run: %.5g); guaranteed 2 alpha lambda_* %.5g%n", c.fittedRate(), c.predictedFinal(),
                c.predictedEuler(), c.predictedBound());
        System.out.printf(Locale.ROOT, "  activation switches: %s%n", SwitchSteps.summary(c.switchSteps()));
    }
}
