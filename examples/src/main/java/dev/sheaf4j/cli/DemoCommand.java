package dev.sheaf4j.cli;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.diagnose.ConvergenceCheck;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.plots.DiffusionFigures;
import dev.sheaf4j.plots.FigureFolder;
import dev.sheaf4j.plots.SeededDiffusion;
import dev.sheaf4j.plots.SwitchSteps;
import dev.sheaf4j.plots.TrainingComparison;
import dev.sheaf4j.plots.TrainingFigures;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.train.TrainingSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sheaf4j demo}: a short tour of the sheaf picture on one small network: the forward pass
 * as a harmonic extension, the coboundary's structure, diffusion converging through its activation
 * switches, and a pinned neuron's equilibrium solved exactly and by diffusion.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A one-minute tour: forward pass as harmonic extension, spectrum, diffusion with switches,"
                + " a pinned neuron solved exactly, a short sheaf training against gradient descent, and a report"
                + " with plots.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the network and the starting state (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "sheaf4j-demo", paramLabel = "DIR",
            description = "Folder for the demo's report with plots (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--widths", split = ",", defaultValue = "2,6,4,1",
            description = "Widths of the ReLU regression network (default ${DEFAULT-VALUE}).")
    int[] widths;

    @Override
    public Integer call() throws java.io.IOException {
        Architecture architecture = new OptionChecks(spec).writableFolder("--out", this.out)
                .build("--widths", () -> Architecture.relu(widths));
        PrintStream out = System.out;
        Sheaf sheaf = Sheaf.create(architecture, seed);
        SeededDiffusion diffusion = SeededDiffusion.run(sheaf, seed, DiffusionSettings.defaults(), 5);
        double[] x = diffusion.input();
        out.printf(Locale.ROOT, "sheaf4j demo: network %s, He-initialised with seed %d, input %s%n%n",
                sheaf.network().architecture(), seed, format(x));

        SheafState forward = sheaf.forwardPass(x);
        SheafState harmonic = sheaf.harmonicExtension(x);
        out.println("1. The forward pass is the harmonic extension of the input");
        out.printf(Locale.ROOT, "   forward pass output       %s%n", format(forward.output(0)));
        out.printf(Locale.ROOT, "   harmonic extension output %s (forward substitution through delta_Omega)%n",
                format(harmonic.output(0)));
        out.printf(Locale.ROOT, "   largest difference over all stalks: %.3g; edge energy there: %.3g%n%n",
                maxDifference(forward.values(), harmonic.values()), sheaf.discord(harmonic).total() / 2);

        Coboundary coboundary = new Coboundary(sheaf.network(), ActivationPattern.of(forward, 0));
        Spectrum spectrum = Spectrum.of(coboundary);
        out.println("2. The restricted coboundary is unitriangular, so L_free is positive definite");
        out.printf(Locale.ROOT, "   pattern %s, det delta_Omega = %.15f, Cholesky of L_free: %s%n",
                coboundary.pattern(), coboundary.determinant(),
                coboundary.laplacianIsPositiveDefinite() ? "succeeds" : "FAILS");
        out.printf(Locale.ROOT, "   lambda_min %.5f, lambda_max %.5f, condition number %.2f, dimension %d%n%n",
                spectrum.lambdaMin(), spectrum.lambdaMax(), spectrum.conditionNumber(), spectrum.freeDimension());

        SheafState start = diffusion.start();
        Discord before = sheaf.discord(start);
        DiffusionResult run = diffusion.result();
        out.println("3. The heat equation from a random state converges to the forward pass despite ReLU switching");
        out.printf(Locale.ROOT, "   starting discord %.4f (weight %.4f, activation %.4f)%n", before.total(),
                before.weightEdges(), before.byKind().getOrDefault(EdgeKind.ACTIVATION, 0.0));
        out.printf(Locale.ROOT, "   %s after %d steps of dt %s; activation pattern switches: %s%n",
                run.converged() ? "converged" : "stopped", run.iterations(), diffusion.settings().dt(),
                SwitchSteps.summary(run.switchSteps()));
        ConvergenceCheck check = ConvergenceCheck.of(sheaf.network(), run, diffusion.settings().alpha(),
                diffusion.settings().dt());
        double[] energy = run.energyTrace();
        out.printf(Locale.ROOT, "   energy %.3g -> %.3g; fitted decay rate of E %.4f (over its last %d steps)"
                + " >= 2 alpha lambda_* = %.4f (lambda_* over the %d patterns met)%n", energy[0],
                energy[energy.length - 1], check.fittedRate(), check.fittedSteps(), check.predictedBound(),
                run.patternsMet().size());
        out.printf(Locale.ROOT, "   final output %s, forward pass %s, difference %.3g%n%n", format(run.state().output(0)),
                format(forward.output(0)), maxDifference(run.state().values(), forward.values()));

        Coordinate pinned = Coordinate.pre(1, 0);
        double value = forward.get(pinned, 0) + 1.0;
        EquilibriumResult exact = sheaf.equilibrium(x).pin(pinned, value).solve();
        DiffusionResult relaxed = sheaf.diffusion(x).pin(pinned, value).run();
        Discord tension = sheaf.discord(exact.state());
        out.printf(Locale.ROOT, "4. Pinning %s to %.4f (forward value %.4f) moves the output from %s to %s%n", pinned,
                value, forward.get(pinned, 0), format(forward.output(0)), format(exact.state().output(0)));
        out.printf(Locale.ROOT, "   exact solve: %s after %d Newton iteration(s); diffusion reaches the same state"
                + " in %d Euler steps (largest difference %.2g)%n", exact.certified() ? "certified" : "NOT certified",
                exact.certificate().iterations(), relaxed.iterations(),
                maxDifference(exact.state().values(), relaxed.state().values()));
        StringBuilder layers = new StringBuilder();
        tension.byLayer().forEach((layer, d) -> layers.append(String.format(Locale.ROOT, " layer %d: %.4g;", layer, d)));
        out.printf(Locale.ROOT, "   the discord it creates sits upstream of the pin:%s%n%n", layers);

        FigureFolder report = new FigureFolder(this.out);
        DiffusionFigures.write(report, sheaf, diffusion);
        TrainingComparison training = train(out);
        TrainingFigures.comparison(report, training);
        out.printf(Locale.ROOT, "   final train MSE: sheaf training %.4g, gradient descent %.4g%n",
                training.sheaf().finalTrainLoss(), training.gradientFinalTrainLoss());
        Path index = report.writeIndex("sheaf4j demo: network " + sheaf.network().architecture().widthsText()
                + ", seed " + seed);
        out.printf(Locale.ROOT, "%nreport of this run with %d plots (PNG and SVG): %s%n", report.figures().size(),
                index);
        return 0;
    }

    /** Section 5: sheaf training against gradient descent on the paraboloid, seeded like the rest of the demo. */
    private TrainingComparison train(PrintStream out) {
        Tasks.Task task = Tasks.task("paraboloid", 1, seed);
        SheafModel model = task.network().apply(seed);
        TrainingSettings settings = task.settings().withSchedule(10, 1000);
        int steps = TrainingComparison.gradientSteps(settings);
        out.printf(Locale.ROOT, "5. Training without a backward pass, against gradient descent (paraboloid %s, seed %d,"
                + " %,d weight steps each)%n", model.network().architecture().widthsText(), seed, steps);
        ProgressBar bar = new ProgressBar(System.err, "training", true);
        TrainingComparison result = TrainingComparison.run(model, task.data(), settings, task.sgdRate(), report -> {
            bar.update(report.epoch(), 2 * report.epochs(), "sheaf training");
            return true;
        }, epoch -> {
            if (epoch % settings.stepsPerEpoch() == 0) {
                bar.update(settings.epochs() + epoch / settings.stepsPerEpoch(), 2 * settings.epochs(),
                        "gradient descent");
            }
        });
        bar.finish();
        return result;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", values[i]));
        }
        return s.append(']').toString();
    }
}
