package dev.sheaf4j.diagnose;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.Edge;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.train.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a trained network's prediction error lives: each sample starts at its
 * forward pass, its output is hard-pinned to the true label ({@code z_(k+1)} for an identity head,
 * the whole {@code a_out} in identity mode for a classifier), the stalks relax to the exact pinned
 * equilibrium, and the discord of each edge is summarised over the samples.
 *
 * @param edges the edges, in edge order
 * @param perEdge the summary of each edge's discord over the samples, in edge order
 * @param byLayer the summary of each layer's discord over the samples
 * @param total the summary of the total discord over the samples
 * @param certified how many samples' equilibria were certified
 */
public record PinnedDiscord(List<Edge> edges, List<Summary> perEdge, Map<Integer, Summary> byLayer, Summary total,
        int certified) {

    /** The pinned discord of {@code model} on {@code data}. */
    public static PinnedDiscord of(SheafModel model, Dataset data) {
        SheafLayout layout = model.layout();
        Architecture arch = layout.architecture();
        int n = data.size();
        Pins.Builder pins = Pins.builder();
        for (int i = 0; i < arch.outputs(); i++) {
            double[] label = new double[n];
            for (int s = 0; s < n; s++) {
                label[s] = data.target(s)[i];
            }
            pins.hard(arch.hasOutputVertex() ? Coordinate.post(arch.layers(), i) : Coordinate.pre(arch.layers(), i),
                    label);
        }
        double[][] inputs = new double[n][];
        for (int s = 0; s < n; s++) {
            inputs[s] = data.input(s);
        }
        EquilibriumResult result = model.solveEquilibrium(model.forwardPass(inputs), pins.build(),
                EquilibriumSettings.defaults().withMode(OutputEdgeMode.IDENTITY));
        List<Edge> edges = layout.edges();
        double[][] perEdge = new double[edges.size()][n];
        Map<Integer, double[]> layers = new LinkedHashMap<>();
        double[] totals = new double[n];
        Workspace workspace = new Workspace(layout, 1);
        double[] params = model.network().parameters();
        for (int s = 0; s < n; s++) {
            model.kernel().discrepancies(params, result.state().sample(s), 1, workspace.discrepancy());
            Discord discord = Discord.of(layout, workspace.discrepancy(), 1);
            for (int e = 0; e < edges.size(); e++) {
                perEdge[e][s] = discord.edge(e);
                layers.computeIfAbsent(edges.get(e).layer(), k -> new double[n])[s] += discord.edge(e);
            }
            totals[s] = discord.total();
        }
        Map<Integer, Summary> byLayer = new LinkedHashMap<>();
        layers.forEach((layer, values) -> byLayer.put(layer, Summary.of(values)));
        int certified = (int) result.certificates().stream().filter(c -> c.certified()).count();
        return new PinnedDiscord(edges, java.util.Arrays.stream(perEdge).map(Summary::of).toList(), byLayer,
                Summary.of(totals), certified);
    }
}
