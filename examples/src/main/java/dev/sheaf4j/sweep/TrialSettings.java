package dev.sheaf4j.sweep;

import dev.sheaf4j.train.JointSchedule;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep's grid: everything a {@code train} run is told, for one method. A setting
 * left {@code null} takes the task's default, as it does in {@code train}; the seed draws the data,
 * the initial weights, the random stalks and the mini-batch order, as {@code train --seed} does, so
 * a trial's numbers depend on its settings alone, not on where, when or beside what it runs.
 *
 * @param task the task's name
 * @param hidden hidden layers of the task's network (1 or 2)
 * @param widths a custom architecture such as {@code 2,10,8,1}, or null for the task's network
 * @param skips skip connections such as {@code 1-3,0-2p} (see {@link CustomArchitecture}), {@code none},
 *     or null for the task's network's own
 * @param method sheaf, equilibrium, nudged or sgd
 * @param betaN the weight rate as beta times the samples per step
 * @param dt the time step
 * @param batchSize samples per step, 0 for the full batch
 * @param epochs epochs of sheaf or equilibrium training
 * @param steps joint steps per epoch
 * @param alpha the stalk rate
 * @param init the stalk initialisation (random or forward_pass)
 * @param warm whether stalks are kept between epochs
 * @param jointStalkSteps the joint dynamics' stalk steps per weight step (see {@link JointSchedule})
 * @param jointForwardPass whether the joint dynamics restart the batch's stalks from the forward pass before
 *     each weight step
 * @param jointLayerRates whether the joint dynamics scale each layer's weight rate by its inputs' lengths
 * @param sgdRate gradient descent's learning rate (null: chosen on a held-out fifth of the training set)
 * @param nudge the nudged method's nudge strength
 * @param nudgeSymmetric whether the nudged method contrasts the nudges towards and away from the target
 * @param nudgeRate the nudged method's learning rate (null: chosen as gradient descent's is)
 * @param momentum the momentum of sgd's and the nudged method's weight steps
 * @param layerRates whether the nudged method scales each layer's rate by its inputs' lengths
 * @param rateDecay the steps of sgd's and the nudged method's rate decay (0: constant)
 * @param seed the seed
 */
public record TrialSettings(String task, int hidden, String widths, String skips, String method, Double betaN,
        Double dt, Integer batchSize, Integer epochs, Integer steps, Double alpha, String init, Boolean warm,
        Integer jointStalkSteps, Boolean jointForwardPass, Boolean jointLayerRates, Double sgdRate, Double nudge,
        Boolean nudgeSymmetric, Double nudgeRate, Double momentum, Boolean layerRates, Integer rateDecay, long seed)
        implements Serializable {
    private static final long serialVersionUID = 4;

    /** The names of the settings, in the order of the grid's axes and of the results' columns, the seed last. */
    public static final List<String> NAMES = List.of("task", "hidden", "widths", "skips", "method", "betaN", "dt",
            "batchSize", "epochs", "steps", "alpha", "init", "warm", "jointStalkSteps", "jointForwardPass",
            "jointLayerRates", "sgdRate", "nudge", "nudgeSymmetric", "nudgeRate", "momentum", "layerRates", "rateDecay",
            "seed");

    /** The settings by name, in the order of {@link #NAMES}; a default is {@code null}. */
    public Map<String, Object> byName() {
        Object[] values = {task, hidden, widths, skips, method, betaN, dt, batchSize, epochs, steps, alpha, init, warm,
            jointStalkSteps, jointForwardPass, jointLayerRates, sgdRate, nudge, nudgeSymmetric, nudgeRate, momentum,
            layerRates, rateDecay, seed};
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(NAMES.get(i), values[i]);
        }
        return named;
    }

    /** The settings built from values in the order of {@link #NAMES}. */
    static TrialSettings of(List<?> v) {
        return new TrialSettings((String) v.get(0), (Integer) v.get(1), (String) v.get(2), (String) v.get(3),
                (String) v.get(4), (Double) v.get(5), (Double) v.get(6), (Integer) v.get(7), (Integer) v.get(8),
                (Integer) v.get(9), (Double) v.get(10), (String) v.get(11), (Boolean) v.get(12), (Integer) v.get(13),
                (Boolean) v.get(14), (Boolean) v.get(15), (Double) v.get(16), (Double) v.get(17), (Boolean) v.get(18),
                (Double) v.get(19), (Double) v.get(20), (Boolean) v.get(21), (Integer) v.get(22), (Long) v.get(23));
    }

    /** These settings with {@code method} instead. */
    public TrialSettings withMethod(String value) {
        return new TrialSettings(task, hidden, widths, skips, value, betaN, dt, batchSize, epochs, steps, alpha, init,
                warm, jointStalkSteps, jointForwardPass, jointLayerRates, sgdRate, nudge, nudgeSymmetric, nudgeRate,
                momentum, layerRates, rateDecay, seed);
    }

    /** These settings with {@code seed} instead. */
    public TrialSettings withSeed(long value) {
        return new TrialSettings(task, hidden, widths, skips, method, betaN, dt, batchSize, epochs, steps, alpha, init,
                warm, jointStalkSteps, jointForwardPass, jointLayerRates, sgdRate, nudge, nudgeSymmetric, nudgeRate,
                momentum, layerRates, rateDecay, value);
    }

    /** The joint dynamics' schedule, the paper's where null. */
    JointSchedule jointSchedule() {
        return new JointSchedule(jointStalkSteps != null ? jointStalkSteps : 1, Boolean.TRUE.equals(jointForwardPass),
                Boolean.TRUE.equals(jointLayerRates));
    }

    /** The options of the methods' own, a default taken where null. */
    MethodRun.Options methodOptions() {
        return new MethodRun.Options(sgdRate, nudge, Boolean.TRUE.equals(nudgeSymmetric), nudgeRate, momentum,
                Boolean.TRUE.equals(layerRates), rateDecay);
    }

    /** The hidden layers of the trial's network: those of {@link #widths} when given, else {@link #hidden}. */
    public int depth() {
        return widths == null ? hidden : (int) widths.chars().filter(c -> c == ',').count() - 1;
    }

    /** The widths of {@link #widths} as numbers. */
    int[] widthValues() {
        return Arrays.stream(widths.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }
}
