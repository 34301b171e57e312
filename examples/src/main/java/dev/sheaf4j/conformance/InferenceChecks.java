package dev.sheaf4j.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.EdgeKind;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.solve.Certificate;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.solve.Energy;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.solve.UnsupportedPinsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The checks of an inference fixture: forward pass and harmonic extension, spectrum, diffusion,
 * discord of the initial state, and diffusion with hard and soft pins.
 */
final class InferenceChecks {
    static final Tolerance FORWARD = Tolerance.absolute(1e-12);
    static final Tolerance SPECTRUM = Tolerance.relative(1e-9);
    static final Tolerance DIFFUSION = Tolerance.absolute(1e-8);
    static final Tolerance DISCORD = Tolerance.relative(1e-10);
    static final Tolerance PINNED = Tolerance.absolute(1e-7);
    static final double ITERATIONS = 0.01;
    static final String STOP_RULE = "max absolute change of any free coordinate in one step < tolerance";

    private final JsonObject root;
    private final Sheaf sheaf;
    private final SheafLayout layout;
    private final double[] input;
    private final List<CheckResult> results = new ArrayList<>();

    InferenceChecks(JsonObject root) {
        this.root = root;
        this.sheaf = Sheaf.of(FixtureReader.network(root.getAsJsonObject("network")));
        this.layout = sheaf.layout();
        this.input = FixtureReader.doubles(FixtureReader.array(root, "input"));
    }

    List<CheckResult> run() {
        if (root.has("forward")) {
            forward();
        }
        if (root.has("spectrum")) {
            spectrum(root.getAsJsonObject("spectrum"), sheaf, input, "spectrum", SPECTRUM, results);
        }
        if (root.has("diffusion")) {
            attempt("diffusion", this::diffusion);
        }
        if (root.has("discordOfInitialState")) {
            attempt("discord", this::discord);
        }
        pinEntries("hardPins", "pin", false);
        pinEntries("softPins", "softPin", true);
        return results;
    }

    private void attempt(String name, Runnable checks) {
        try {
            checks.run();
        } catch (RuntimeException e) {
            results.add(CheckResult.error(name, e));
        }
    }

    private void forward() {
        JsonObject json = root.getAsJsonObject("forward");
        List<FixtureReader.Located> reference = FixtureReader.stalks(layout, json);
        double[] output = FixtureReader.doubles(FixtureReader.array(json, "output"));
        check("forward pass", () -> sheaf.forwardPass(input), reference, output);
        check("harmonic extension", () -> sheaf.harmonicExtension(input), reference, output);
    }

    private void check(String name, Supplier<SheafState> solve, List<FixtureReader.Located> reference,
            double[] output) {
        try {
            SheafState state = solve.get();
            List<Checks.Labelled> got = new ArrayList<>(FixtureReader.sameStalks(state, reference));
            got.add(new Checks.Labelled("output", state.output(0)));
            List<Checks.Labelled> expected = new ArrayList<>(FixtureReader.labelled(reference));
            expected.add(new Checks.Labelled("output", output));
            results.add(Checks.vectors(name, got, expected, FORWARD));
        } catch (RuntimeException e) {
            results.add(CheckResult.error(name, e));
        }
    }

    /** Spectrum checks shared with training fixtures. */
    static void spectrum(JsonObject json, Sheaf sheaf, double[] x, String name, Tolerance tolerance,
            List<CheckResult> results) {
        try {
            Spectrum spectrum = sheaf.spectrum(x);
            results.add(Checks.scalar(name + " lambdaMin", spectrum.lambdaMin(), json.get("lambdaMin").getAsDouble(),
                    tolerance));
            results.add(Checks.scalar(name + " lambdaMax", spectrum.lambdaMax(), json.get("lambdaMax").getAsDouble(),
                    tolerance));
            results.add(Checks.scalar(name + " conditionNumber", spectrum.conditionNumber(),
                    json.get("conditionNumber").getAsDouble(), tolerance));
            if (json.has("freeDimension")) {
                results.add(Checks.exact(name + " freeDimension", spectrum.freeDimension(),
                        json.get("freeDimension").getAsInt()));
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.error(name, e));
        }
    }

    private void diffusion() {
        JsonObject json = root.getAsJsonObject("diffusion");
        if (json.has("stop") && !STOP_RULE.equals(json.get("stop").getAsString())) {
            results.add(new CheckResult(Status.FAIL, "diffusion", "stop rule '" + STOP_RULE + "'",
                    "stop rule '" + json.get("stop").getAsString() + "'", "unsupported"));
            return;
        }
        SheafState initial = FixtureReader.state(layout, input, json.getAsJsonObject("initialState"));
        DiffusionResult result = sheaf.diffuse(initial, Pins.none(), settings(json, json, false));
        compareRun("diffusion", json, result, DIFFUSION);
    }

    private void compareRun(String name, JsonObject json, DiffusionResult result, Tolerance tolerance) {
        results.add(Checks.iterations(name + " iterations", result.iterations(), json.get("iterations").getAsInt(),
                ITERATIONS));
        results.add(Checks.exact(name + " converged", result.converged(), json.get("converged").getAsBoolean()));
        if (json.has("output")) {
            results.add(Checks.vectors(name + " output", List.of(new Checks.Labelled("output", result.state().output(0))),
                    List.of(new Checks.Labelled("output", FixtureReader.doubles(json.getAsJsonArray("output")))),
                    tolerance));
        }
        List<FixtureReader.Located> reference = FixtureReader.stalks(layout, json.getAsJsonObject("finalState"));
        results.add(Checks.vectors(name + " final state", FixtureReader.sameStalks(result.state(), reference),
                FixtureReader.labelled(reference), tolerance));
    }

    /**
     * Diffusion settings for a run: {@code alpha}, {@code dt}, {@code tolerance} from the entry,
     * else from the fixture's {@code diffusion} block, else the defaults; the step limit is the
     * reference's count for a run that did not converge and comfortably past it for one that did;
     * the output edge uses the identity mode when a classifier's output is pinned.
     */
    private DiffusionSettings settings(JsonObject entry, JsonObject base, boolean outputPinned) {
        DiffusionSettings s = DiffusionSettings.defaults();
        s = s.withAlpha(number(entry, base, "alpha", s.alpha()))
                .withDt(number(entry, base, "dt", s.dt()))
                .withTolerance(number(entry, base, "tolerance", s.tolerance()));
        int iterations = entry.get("iterations").getAsInt();
        boolean converged = entry.get("converged").getAsBoolean();
        int limit = entry.has("maxSteps") ? entry.get("maxSteps").getAsInt()
                : converged ? iterations + Math.max(1000, iterations / 2) : iterations;
        s = s.withMaxSteps(limit);
        if (entry.has("outputEdgeMode")) {
            s = s.withMode(OutputEdgeMode.valueOf(entry.get("outputEdgeMode").getAsString().toUpperCase(
                    java.util.Locale.ROOT)));
        } else if (outputPinned) {
            s = s.withMode(OutputEdgeMode.IDENTITY);
        }
        return s;
    }

    private static double number(JsonObject entry, JsonObject base, String field, double fallback) {
        if (entry.has(field)) {
            return entry.get(field).getAsDouble();
        }
        return base != null && base.has(field) ? base.get(field).getAsDouble() : fallback;
    }

    private void discord() {
        JsonObject json = root.getAsJsonObject("discordOfInitialState");
        SheafState initial = FixtureReader.state(layout, input,
                root.getAsJsonObject("diffusion").getAsJsonObject("initialState"));
        Discord discord = sheaf.discord(initial);
        edgeGroup(json, "weightEdges", EdgeKind.WEIGHT, discord);
        edgeGroup(json, "activationEdges", EdgeKind.ACTIVATION, discord);
        if (json.has("outputEdge")) {
            results.add(Checks.scalar("discord output edge", discord.edge(EdgeKind.OUTPUT, layout.layers()),
                    json.get("outputEdge").getAsDouble(), DISCORD));
        }
        results.add(Checks.scalar("discord total", discord.total(), json.get("total").getAsDouble(), DISCORD));
        if (json.has("byLayer")) {
            Map<Integer, Double> byLayer = discord.byLayer();
            for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("byLayer").entrySet()) {
                int layer = Integer.parseInt(e.getKey());
                results.add(Checks.scalar("discord layer " + layer, byLayer.getOrDefault(layer, Double.NaN),
                        e.getValue().getAsDouble(), DISCORD));
            }
        }
    }

    private void edgeGroup(JsonObject json, String field, EdgeKind kind, Discord discord) {
        if (!json.has(field)) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject(field).entrySet()) {
            int layer = Integer.parseInt(e.getKey());
            String name = "discord " + kind.name().toLowerCase(java.util.Locale.ROOT) + " edge " + layer;
            // a weight edge that skip connections land on is a residual edge, and counts as the weight edge it is
            int edge = IntStream.range(0, discord.edges().size()).filter(i -> discord.edges().get(i).layer() == layer
                    && sameRole(discord.edges().get(i).kind(), kind)).findFirst().orElse(-1);
            results.add(edge >= 0 ? Checks.scalar(name, discord.edge(edge), e.getValue().getAsDouble(), DISCORD)
                    : new CheckResult(Status.FAIL, name, "no such edge", String.valueOf(e.getValue()), "-"));
        }
    }

    private static boolean sameRole(EdgeKind edge, EdgeKind wanted) {
        return wanted.isWeight() ? edge.isWeight() : edge == wanted;
    }

    private void pinEntries(String field, String pinField, boolean soft) {
        if (!root.has(field) || root.get(field).isJsonNull()) {
            return;
        }
        JsonArray entries = root.getAsJsonArray(field);
        JsonObject base = root.has("diffusion") ? root.getAsJsonObject("diffusion") : null;
        for (int i = 0; i < entries.size(); i++) {
            String name = field + "[" + i + "]";
            JsonObject entry = entries.get(i).getAsJsonObject();
            Pins pins;
            DiffusionSettings settings;
            try {
                Pins.Builder builder = Pins.builder();
                JsonObject pin = entry.getAsJsonObject(pinField);
                FixtureReader.addPin(builder, pin, layout, soft);
                pins = builder.build();
                String stalk = pin.get("stalk").getAsString();
                boolean outputPinned = !soft && layout.architecture().hasOutputVertex()
                        && (stalk.equals("aOutput") || stalk.equals("a_out"));
                settings = settings(entry, base, outputPinned);
            } catch (RuntimeException e) {
                results.add(CheckResult.error(name, e));
                continue;
            }
            attempt(name + " diffusion", () -> compareRun(name + " diffusion", entry,
                    sheaf.diffuse(sheaf.forwardPass(input), pins, settings), PINNED));
            try {
                exactEquilibrium(name + " exact", entry, pins, settings.mode());
            } catch (UnsupportedPinsException e) {
                results.add(CheckResult.skip(name + " exact pinned equilibrium", e.getMessage()));
            } catch (RuntimeException e) {
                results.add(CheckResult.error(name + " exact pinned equilibrium", e));
            }
        }
    }

    /**
     * The exact solver from the forward pass: within the pinned tolerance of the reference where it
     * converged; where it did not, a certified stationary point with energy no higher than the
     * reference's final state.
     */
    private void exactEquilibrium(String name, JsonObject entry, Pins pins, OutputEdgeMode mode) {
        EquilibriumResult result = sheaf.solveEquilibrium(sheaf.forwardPass(input), pins,
                EquilibriumSettings.defaults().withMode(mode));
        Certificate certificate = result.certificate();
        results.add(Checks.exact(name + " certified", certificate.certified(), true));
        List<FixtureReader.Located> reference = FixtureReader.stalks(layout, entry.getAsJsonObject("finalState"));
        if (entry.get("converged").getAsBoolean()) {
            results.add(Checks.vectors(name + " equilibrium", FixtureReader.sameStalks(result.state(), reference),
                    FixtureReader.labelled(reference), PINNED));
        } else {
            SheafState referenceState = FixtureReader.state(layout, input, entry.getAsJsonObject("finalState"));
            double referenceEnergy = pinnedEnergy(referenceState, pins);
            double energy = pinnedEnergy(result.state(), pins);
            results.add(new CheckResult(energy <= referenceEnergy ? Status.PASS : Status.FAIL,
                    name + " energy no higher than the reference's final state", Checks.format(energy),
                    "<= " + Checks.format(referenceEnergy), "-"));
        }
    }

    /** Edge energy plus soft pins: the quantity diffusion and the exact solver both lower. */
    private double pinnedEnergy(SheafState state, Pins pins) {
        Workspace workspace = new Workspace(layout, 1);
        PinSet pinSet = pins.compile(layout, 1);
        SheafState pinned = state.copy();
        pinSet.applyHard(pinned.values());
        return Energy.of(sheaf.kernel(), sheaf.network().parameters(), pinned.values(), pinSet, workspace);
    }
}
