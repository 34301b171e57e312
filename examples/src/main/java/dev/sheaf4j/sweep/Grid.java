package dev.sheaf4j.sweep;

import dev.sheaf4j.examples.Tasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A sweep's grid: for each setting of {@link TrialSettings#NAMES}, the values it takes (a setting
 * given no values keeps the task's default); the trials are every combination, the seed varying
 * fastest. Each axis remembers where its values came from (an option or a spec file's key), so that
 * a bad value is reported there.
 */
public final class Grid {
    private static final Map<String, List<?>> DEFAULTS = Map.of("hidden", List.of(1), "method", List.of("sheaf"),
            "seed", List.of(1L));

    private final Map<String, List<?>> axes = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    /** Sets the values of {@code setting}, given by {@code source} (an option's or a key's name, for errors). */
    public Grid set(String setting, List<?> values, String source) {
        if (!TrialSettings.NAMES.contains(setting)) {
            throw new IllegalArgumentException("unknown setting '" + setting + "'; known: " + TrialSettings.NAMES);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(source + ": give at least one value");
        }
        axes.put(setting, List.copyOf(values));
        sources.put(setting, source);
        return this;
    }

    /** The values of {@code setting}: those set, else its default ({@code [null]} for the task's). */
    public List<?> values(String setting) {
        return axes.getOrDefault(setting, DEFAULTS.getOrDefault(setting, Collections.singletonList(null)));
    }

    /** The settings that take more than one value, in the order of {@link TrialSettings#NAMES}. */
    public List<String> varying() {
        return TrialSettings.NAMES.stream().filter(name -> values(name).size() > 1).toList();
    }

    /** Every trial of the grid, in order. */
    public List<TrialSettings> trials() {
        List<List<?>> lists = TrialSettings.NAMES.stream().map(this::values).toList();
        List<TrialSettings> trials = new ArrayList<>();
        int[] at = new int[lists.size()];
        while (true) {
            List<Object> point = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                point.add(lists.get(i).get(at[i]));
            }
            trials.add(TrialSettings.of(point));
            int axis = at.length - 1;
            while (axis >= 0 && ++at[axis] == lists.get(axis).size()) {
                at[axis--] = 0;
            }
            if (axis < 0) {
                return trials;
            }
        }
    }

    /**
     * Checks every value before any trial runs.
     *
     * @throws IllegalArgumentException naming the option or key of the first bad value, or the setting that does
     *     not fit its task
     */
    public void check() {
        checkEach("task", v -> Tasks.NAMES.contains(v), "one of " + Tasks.NAMES);
        checkEach("hidden", v -> v.equals(1) || v.equals(2), "1 or 2");
        checkEach("method", MethodRun.METHODS::contains, "one of " + MethodRun.METHODS);
        for (String rate : List.of("betaN", "dt", "alpha", "sgdRate", "nudge", "nudgeRate")) {
            checkEach(rate, v -> v == null || (double) v > 0 && Double.isFinite((double) v), "a finite number above 0");
        }
        for (String count : List.of("epochs", "steps", "jointStalkSteps")) {
            checkEach(count, v -> v == null || (int) v >= 1, "at least 1");
        }
        checkEach("batchSize", v -> v == null || (int) v >= 0, "0 (full batch) or more");
        checkEach("rateDecay", v -> v == null || (int) v >= 0, "0 (constant rate) or more");
        checkEach("momentum", v -> v == null || (double) v >= 0 && (double) v < 1, "in [0, 1)");
        Set<TrialSettings> networks = new LinkedHashSet<>();
        for (TrialSettings t : trials()) {
            networks.add(t.withMethod("sheaf").withSeed(1));
        }
        networks.forEach(TrialRunner::prepare);
    }

    private void checkEach(String setting, Predicate<Object> good, String expected) {
        for (Object value : values(setting)) {
            if (!good.test(value)) {
                throw new IllegalArgumentException(sources.getOrDefault(setting, setting) + " must be " + expected
                        + ", got " + value);
            }
        }
    }
}
