package dev.sheaf4j.compare;

import dev.sheaf4j.sweep.MethodRun;
import dev.sheaf4j.sweep.SeedSummary;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.sweep.TrialSettings;
import dev.sheaf4j.train.JointSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A comparison of methods on one task: one sweep trial per method and seed, all at the same budget,
 * so that for each seed every method starts from the same initial weights (drawn from the seed) and
 * takes the same number of weight steps on the same batches; and the summary of the trials per method.
 */
public final class Comparison {
    /** The methods compared by default: tuned gradient descent first, then those without a backward pass. */
    public static final List<String> METHODS = List.of("sgd", "sheaf", "equilibrium", "nudged");

    private Comparison() {
    }

    /**
     * The settings of sheaf and equilibrium training in a comparison: the weight rate {@code betaN}
     * as beta times the samples per step and the time step {@code dt} (null: the task's), and the
     * joint dynamics' schedule, which the sheaf method alone takes.
     */
    public record SheafOptions(Double betaN, Double dt, JointSchedule joint) {
    }

    /**
     * The trials comparing {@code methods} on {@code task} at {@code budget}, method by method and
     * seed by seed, on the task's network with {@code hidden} hidden layers, or on {@code widths}
     * and {@code skips} when given (as {@link TrialSettings} takes them; null: the task's), with the
     * methods' own {@code options} and the settings {@code sheaf} of sheaf and equilibrium training.
     */
    public static List<TrialSettings> trials(String task, int hidden, String widths, String skips, Budget budget,
            List<String> methods, List<Long> seeds, MethodRun.Options options, SheafOptions sheaf) {
        JointSchedule joint = sheaf.joint();
        List<TrialSettings> trials = new ArrayList<>();
        for (String method : methods) {
            for (long seed : seeds) {
                trials.add(new TrialSettings(task, hidden, widths, skips, method, sheaf.betaN(), sheaf.dt(),
                        budget.batchSize(), budget.epochs(), budget.steps(), null, null, null, joint.stalkSteps(),
                        joint.forwardPassEachStep(), joint.layerScaled(), options.sgdRate(), options.nudge(),
                        options.nudgeSymmetric(), options.nudgeRate(), options.momentum(), options.layerRates(),
                        options.rateDecay(), seed));
            }
        }
        return trials;
    }

    /** One row per method of {@code methods}, from {@code results}, in that order, ratios taken to sgd's row. */
    public static List<MethodSummary> summarise(List<TrialResult> results, List<String> methods, Budget budget) {
        List<MethodSummary> rows = new ArrayList<>();
        MethodSummary sgd = null;
        if (methods.contains("sgd")) {
            sgd = summary(results, "sgd", budget, null);
        }
        for (String method : methods) {
            rows.add(method.equals("sgd") ? sgd : summary(results, method, budget, sgd));
        }
        return rows;
    }

    private static MethodSummary summary(List<TrialResult> results, String method, Budget budget,
            MethodSummary sgd) {
        List<TrialResult> trials = results.stream().filter(r -> r.settings().method().equals(method)).toList();
        List<TrialResult> completed = trials.stream().filter(TrialResult::completed).toList();
        Double testLoss = mean(completed, TrialResult::finalTestLoss);
        Double seconds = mean(completed, TrialResult::trainingSeconds);
        List<Double> losses = values(completed, TrialResult::finalTestLoss);
        return new MethodSummary(method, !MethodRun.BACKPROP_FREE.contains(method), budget.weightSteps(), testLoss,
                losses.size() < 2 ? null : SeedSummary.spread(losses), mean(completed, TrialResult::testAccuracy),
                seconds, ratio(testLoss, sgd == null ? null : sgd.testLoss()),
                ratio(seconds, sgd == null ? null : sgd.seconds()),
                sgd == null || sgd.seconds() == null ? null : mean(completed, r -> lossAtSeconds(r, sgd.seconds())),
                trials.size(),
                (int) trials.stream().filter(TrialResult::diverged).count(),
                (int) trials.stream().filter(r -> r.error() != null).count(),
                trials.stream().map(r -> r.testLoss().isEmpty() ? null : r.testLoss().get(0)).toList(),
                trials.stream().map(TrialResult::error).filter(Objects::nonNull).distinct().toList());
    }

    /**
     * The test loss {@code trial} had reached after {@code seconds} of its training, supposing its
     * weight steps took equal time: the last point of its curve at or before that step.
     */
    static Double lossAtSeconds(TrialResult trial, double seconds) {
        List<Long> steps = trial.curveSteps();
        if (steps.isEmpty() || trial.trainingSeconds() <= seconds) {
            return trial.finalTestLoss();
        }
        double reached = trial.weightSteps() * seconds / trial.trainingSeconds();
        int last = 0;
        while (last + 1 < steps.size() && steps.get(last + 1) <= reached) {
            last++;
        }
        return trial.testLoss().get(last);
    }

    private static List<Double> values(List<TrialResult> trials, Function<TrialResult, Double> measure) {
        return trials.stream().map(measure).filter(Objects::nonNull).toList();
    }

    private static Double mean(List<TrialResult> trials, Function<TrialResult, Double> measure) {
        List<Double> values = values(trials, measure);
        return values.isEmpty() ? null : SeedSummary.mean(values);
    }

    /** {@code value / reference}, or null when either is missing or the reference is 0. */
    static Double ratio(Double value, Double reference) {
        return value == null || reference == null || reference == 0 ? null : value / reference;
    }
}
