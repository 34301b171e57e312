package dev.sheaf4j.sweep;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.NudgeSettings;
import dev.sheaf4j.train.RateSearch;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.StepRule;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one method of {@code train} on given data, settings and initial weights: sheaf training (the
 * joint dynamics), equilibrium training, the nudged local rule, or gradient descent with as many
 * weight steps on the same batches. A learning rate that is not given (gradient descent's, the
 * nudged rule's) is chosen by {@link RateSearch} on a held-out fifth of the training set. The
 * {@code train} command, sweep trials and {@code compare} all train through {@link #run}.
 */
public final class MethodRun {
    /** The methods, in {@code train}'s order. */
    public static final List<String> METHODS = List.of("sheaf", "equilibrium", "nudged", "sgd");

    /** The methods that train without a backward pass. */
    public static final List<String> BACKPROP_FREE = List.of("sheaf", "equilibrium", "nudged");

    private MethodRun() {
    }

    /**
     * The options of the methods' own; a {@code null} takes the default.
     *
     * @param sgdRate gradient descent's learning rate (default: searched)
     * @param nudge the nudge strength (default 0.01)
     * @param nudgeSymmetric whether the nudged rule contrasts nudges towards and away from the target
     * @param nudgeRate the nudged rule's learning rate (default: searched)
     * @param momentum the momentum of gradient descent's and the nudged rule's weight steps (default 0)
     * @param layerRates whether the nudged rule divides each layer's rate by 1 + the mean squared input length
     * @param rateDecay the rate decay steps of gradient descent and the nudged rule (default 0: constant)
     */
    public record Options(Double sgdRate, Double nudge, boolean nudgeSymmetric, Double nudgeRate, Double momentum,
            boolean layerRates, Integer rateDecay) implements Serializable {
        private static final long serialVersionUID = 1;

        /** Every option at its default. */
        public static final Options DEFAULTS = new Options(null, null, false, null, null, false, null);

        /** The weight step of these options at learning rate {@code rate}, gradient descent's and the nudged rule's. */
        StepRule step(double rate) {
            return new StepRule(rate, momentum != null ? momentum : 0.0, rateDecay != null ? rateDecay : 0);
        }

        /** The nudged rule of these options at learning rate {@code rate}. */
        NudgeSettings rule(double rate) {
            StepRule step = step(rate);
            return new NudgeSettings(nudge != null ? nudge : 0.01, nudgeSymmetric, rate, step.momentum(), layerRates,
                    step.rateDecaySteps());
        }
    }

    /** Hears a method's progress: steps or epochs done of a total, and a line about them. */
    public interface Progress {
        /** Ignores progress. */
        Progress NONE = (done, total, detail) -> { };

        /** {@code done} of {@code total}, with a short {@code detail}. */
        void update(int done, int total, String detail);
    }

    /**
     * What a method gave.
     *
     * @param network the trained weights
     * @param trainLoss the training loss before training and at each recording
     * @param testLoss the same on the test data
     * @param curveSteps the weight steps taken at each point of the curves
     * @param weightSteps the weight steps taken
     * @param epochs epochs completed (for gradient descent, weight steps)
     * @param diverged whether the state or the weights blew up
     * @param seconds wall time of training, any rate search excluded
     * @param outcome how training ended, in words
     * @param notes the chosen learning rate and the rate search's grid, validation losses and seconds, by name
     */
    public record Outcome(Network network, double[] trainLoss, double[] testLoss, long[] curveSteps, long weightSteps,
            int epochs, boolean diverged, double seconds, String outcome, Map<String, Object> notes) {
    }

    /**
     * Trains {@code initial} by {@code method} for the schedule of {@code settings} ({@code epochs x
     * stepsPerEpoch} weight steps on its batches), drawing batches and splits from {@code seed}.
     *
     * @throws dev.sheaf4j.sheaf.NonFiniteException if gradient descent diverges
     * @throws IllegalArgumentException for an unknown method
     */
    public static Outcome run(String method, SheafKernel kernel, Network initial, Dataset train, Dataset test,
            TrainingSettings settings, Options options, long seed, Progress progress) {
        Map<String, Object> notes = new LinkedHashMap<>();
        if (method.equals("sgd")) {
            return gradientDescent(kernel, initial, train, test, settings, options, seed, progress, notes);
        }
        if (!BACKPROP_FREE.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; choose from " + METHODS);
        }
        TrainingListener listener = report -> {
            progress.update(report.epoch(), report.epochs(), String.format(Locale.ROOT, "train %.5g test %.5g",
                    report.trainLoss(), report.testLoss()));
            return true;
        };
        SheafTrainer trainer = new SheafTrainer(kernel);
        TrainingResult r = switch (method) {
            case "sheaf" -> trainer.train(initial, train, test, Pins.none(), settings, listener);
            case "equilibrium" -> trainer.trainAtEquilibrium(initial, train, test, Pins.none(), settings, listener);
            default -> {
                NudgeSettings rule = nudged(kernel, initial, train, settings, options, seed, progress, notes);
                yield trainer.trainNudged(initial, train, test, Pins.none(), settings, rule, listener);
            }
        };
        long[] curveSteps = new long[r.testLoss().length];
        for (int i = 0; i < curveSteps.length; i++) {
            curveSteps[i] = (long) i * settings.stepsPerEpoch();
        }
        return new Outcome(r.network(), r.trainLoss(), r.testLoss(), curveSteps,
                (long) r.epochs() * settings.stepsPerEpoch(), r.epochs(), r.diverged(), r.seconds(), r.stopReason(),
                notes);
    }

    private static Outcome gradientDescent(SheafKernel kernel, Network initial, Dataset train, Dataset test,
            TrainingSettings settings, Options options, long seed, Progress progress, Map<String, Object> notes) {
        int batch = settings.batchFor(train.size());
        int steps = Math.toIntExact((long) settings.epochs() * settings.stepsPerEpoch());
        RateSearch.Trial trial = (value, fit) -> GradientDescent.trainSteps(kernel, initial, fit, null,
                options.step(value), steps, batch, seed, steps, step -> { }).network();
        double rate = options.sgdRate() != null ? options.sgdRate()
                : chosenRate(kernel, train, seed, trial, progress, notes);
        notes.put("learningRate", rate);
        int every = Math.max(1, steps / 100);
        long start = System.nanoTime();
        StepRule rule = options.step(rate);
        GradientDescent.Result r = GradientDescent.trainSteps(kernel, initial, train, test, rule, steps, batch, seed,
                every, step -> progress.update(step, steps, "gradient descent"));
        double seconds = (System.nanoTime() - start) / 1e9;
        String outcome = "completed " + steps + " weight steps at learning rate " + rate
                + (options.sgdRate() != null ? "" : " (chosen on a held-out fifth of the training set)")
                + (rule.plain() ? "" : " with the nudged rule's momentum and schedule")
                + (batch < train.size() ? " on the sheaf methods' batches of " + batch : "");
        long[] curveSteps = new long[r.testLoss().length];
        for (int i = 0; i < curveSteps.length; i++) {
            curveSteps[i] = Math.min((long) i * every, steps);
        }
        return new Outcome(r.network(), r.trainLoss(), r.testLoss(), curveSteps, steps, steps, false, seconds,
                outcome, notes);
    }

    /** The nudged rule of {@code options}, its rate chosen on a validation split unless given. */
    private static NudgeSettings nudged(SheafKernel kernel, Network initial, Dataset train, TrainingSettings settings,
            Options options, long seed, Progress progress, Map<String, Object> notes) {
        double rate = options.nudgeRate() != null ? options.nudgeRate() : chosenRate(kernel, train, seed,
                (value, fit) -> new SheafTrainer(kernel).trainNudged(initial, fit, null, Pins.none(), settings,
                        options.rule(value), TrainingListener.NONE).network(), progress, notes);
        notes.put("learningRate", rate);
        notes.put("nudge", options.rule(rate));
        return options.rule(rate);
    }

    /**
     * The rate of {@link RateSearch#DEFAULT_GRID} that {@code trial} validates best; the grid, the
     * validation losses and the search's seconds (not counted in the method's) noted in {@code notes}.
     */
    private static double chosenRate(SheafKernel kernel, Dataset train, long seed, RateSearch.Trial trial,
            Progress progress, Map<String, Object> notes) {
        progress.update(0, 1, "choosing the learning rate");
        long start = System.nanoTime();
        RateSearch.Choice choice = RateSearch.search(kernel, train, RateSearch.DEFAULT_GRID, seed, trial);
        notes.put("rateSearchSeconds", (System.nanoTime() - start) / 1e9);
        List<Object> losses = new ArrayList<>();
        for (double loss : choice.validationLoss()) {
            losses.add(Double.isFinite(loss) ? loss : null);
        }
        notes.put("rateGrid", choice.grid());
        notes.put("rateValidationLoss", losses);
        return choice.rate();
    }
}
