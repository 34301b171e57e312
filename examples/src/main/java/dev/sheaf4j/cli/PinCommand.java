package dev.sheaf4j.cli;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.Edge;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Vertex;
import dev.sheaf4j.solve.Certificate;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sheaf4j pin}: pins neurons of a network, solves the pinned equilibrium exactly, and shows
 * the pinned state, the certificate, and where the tension sits edge by edge.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = "Pin neurons, solve the pinned equilibrium exactly, and show the state and where the tension"
                + " sits. Coordinates: x[i], z<l>[i], a<l>[i], aout[i], or a whole stalk such as z2.")
final class PinCommand implements Callable<Integer> {
    @Mixin
    NetworkChoice choice = new NetworkChoice();

    @Option(names = "--input", split = ",", description = "The input x (default: 1, 0.5, 0, 0, ...).")
    double[] input;

    @Option(names = "--pin", paramLabel = "C=V", description = "A hard pin, e.g. z1[0]=0.5 (repeatable).")
    List<String> hardPins = new ArrayList<>();

    @Option(names = "--soft-pin", paramLabel = "C=T@G", description = "A soft pin, e.g. z2[0]=0.8@10 (repeatable).")
    List<String> softPins = new ArrayList<>();

    @Option(names = "--free-input", description = "Leave the input free (an inverse problem; soft-pin x to keep it near).")
    boolean freeInput;

    @Option(names = "--mode", defaultValue = "JACOBIAN",
            description = "Output edge for a pinned classifier output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OutputEdgeMode mode;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SheafModel model = choice.model();
        SheafLayout layout = model.layout();
        double[] x = input != null ? input : defaultInput(layout.architecture().inputs());
        Pins.Builder pins = Pins.builder();
        hardPins.forEach(p -> PinSyntax.addPin(pins, p, layout, false));
        softPins.forEach(p -> PinSyntax.addPin(pins, p, layout, true));
        if (freeInput) {
            pins.freeInput();
        }
        if (hardPins.isEmpty() && softPins.isEmpty() && model.declaredPins().pins().isEmpty()) {
            throw new IllegalArgumentException("give at least one --pin or --soft-pin, e.g. --pin z1[0]=0.5");
        }
        SheafState forward = model.forwardPass(x);
        EquilibriumResult result = model.solveEquilibrium(forward, pins.build(),
                EquilibriumSettings.defaults().withMode(mode));
        SheafState pinned = result.state();
        Certificate certificate = result.certificate();
        Discord discord = model.discord(pinned);
        if (json) {
            JsonOutput.print(report(model, x, forward, pinned, certificate, discord));
        } else {
            print(model, x, forward, pinned, certificate, discord);
        }
        return certificate.certified() ? 0 : Main.FAILED;
    }

    private static double[] defaultInput(int n) {
        double[] x = new double[n];
        if (n > 0) {
            x[0] = 1;
        }
        if (n > 1) {
            x[1] = 0.5;
        }
        return x;
    }

    private void print(SheafModel model, double[] x, SheafState forward, SheafState pinned, Certificate c,
            Discord discord) {
        SheafLayout layout = model.layout();
        System.out.printf(Locale.ROOT, "network %s, input %s%n", layout.architecture(), format(x));
        System.out.printf(Locale.ROOT, "pins: %s%s%n", String.join(", ", allPins()), freeInput ? " (input free)" : "");
        System.out.printf(Locale.ROOT, "%s: energy %.6g, stationarity %.2g, %d iterations, %d activation switches,"
                + " %d neurons at a kink (%s)%n%n", c.certified() ? "certified stationary point" : "NOT CERTIFIED",
                c.energy(), c.stationarity(), c.iterations(), c.patternChanges(), c.atKink(), c.reason());
        System.out.printf(Locale.ROOT, "output: forward pass %s -> pinned %s%n", format(forward.output(0)),
                format(pinned.output(0)));
        if (freeInput) {
            System.out.printf(Locale.ROOT, "the input moved to %s, whose forward pass gives %s%n",
                    format(pinned.input(0)), format(model.forward(pinned.input(0))));
        }
        System.out.println();
        System.out.println("stalks (pinned, and the change from the forward pass):");
        for (Vertex v : layout.vertices()) {
            double[] now = pinned.stalk(v.layer(), v.stalk(), 0);
            double[] before = forward.stalk(v.layer(), v.stalk(), 0);
            double[] change = new double[now.length];
            for (int i = 0; i < now.length; i++) {
                change[i] = now[i] - before[i];
            }
            System.out.printf(Locale.ROOT, "  %-6s %s%n         change %s%n", layout.name(v), format(now), format(change));
        }
        System.out.printf(Locale.ROOT, "%ndiscord per edge (total %.6g = 2 x edge energy):%n", discord.total());
        double total = Math.max(discord.total(), Double.MIN_VALUE);
        for (int e = 0; e < discord.edges().size(); e++) {
            double share = discord.edge(e) / total;
            System.out.printf(Locale.ROOT, "  %-13s %12.6g  %5.1f%%  %s%n", discord.edges().get(e).name(),
                    discord.edge(e), 100 * share, "#".repeat((int) Math.round(40 * share)));
        }
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < discord.edges().size(); e++) {
            order.add(e);
        }
        order.sort(Comparator.comparingDouble((Integer e) -> discord.edge(e)).reversed());
        List<String> top = new ArrayList<>();
        for (int k = 0; k < Math.min(2, order.size()); k++) {
            Edge edge = discord.edges().get(order.get(k));
            top.add(String.format(Locale.ROOT, "%s (%.0f%%)", edge.name(), 100 * discord.edge(order.get(k)) / total));
        }
        System.out.println("\nthe tension sits mostly in " + String.join(" and ", top));
    }

    private List<String> allPins() {
        List<String> all = new ArrayList<>(hardPins);
        all.addAll(softPins);
        return all.isEmpty() ? List.of("declared pins only") : all;
    }

    private Map<String, Object> report(SheafModel model, double[] x, SheafState forward, SheafState pinned,
            Certificate c, Discord discord) {
        SheafLayout layout = model.layout();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("architecture", layout.architecture().toString());
        out.put("input", x);
        out.put("pins", allPins());
        out.put("freeInput", freeInput);
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("certified", c.certified());
        certificate.put("energy", c.energy());
        certificate.put("stationarity", c.stationarity());
        certificate.put("iterations", c.iterations());
        certificate.put("patternChanges", c.patternChanges());
        certificate.put("atKink", c.atKink());
        certificate.put("reason", c.reason());
        out.put("certificate", certificate);
        out.put("forwardOutput", forward.output(0));
        out.put("pinnedOutput", pinned.output(0));
        if (freeInput) {
            out.put("pinnedInput", pinned.input(0));
            out.put("forwardOfPinnedInput", model.forward(pinned.input(0)));
        }
        Map<String, Object> stalks = new LinkedHashMap<>();
        for (Vertex v : layout.vertices()) {
            stalks.put(layout.name(v), pinned.stalk(v.layer(), v.stalk(), 0));
        }
        out.put("state", stalks);
        Map<String, Double> edges = new LinkedHashMap<>();
        for (int e = 0; e < discord.edges().size(); e++) {
            edges.put(discord.edges().get(e).name(), discord.edge(e));
        }
        out.put("discord", edges);
        out.put("discordTotal", discord.total());
        return out;
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i == 12 && values.length > 14) {
                s.append(", ... ").append(values.length - 12).append(" more");
                break;
            }
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", values[i]));
        }
        return s.append(']').toString();
    }
}
