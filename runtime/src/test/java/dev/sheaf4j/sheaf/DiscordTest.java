package dev.sheaf4j.sheaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.solve.Energy;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Discord totals and groupings against the energy and each other. */
class DiscordTest {

    @Property(tries = 40)
    void totalIsTwiceTheEnergyAndGroupsSumToTheTotal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, RandomNetworks.architecture(random, depth, 10, true)));
        assertTotalIsTwiceTheEnergy(sheaf,
                new SheafState(sheaf.layout(), 1, RandomNetworks.gaussian(random, sheaf.layout().stateSize())));
    }

    /**
     * On residual networks too; the weight edge of a layer is a residual edge exactly when a skip
     * lands on it, and each linear edge's discord is the squared norm of its block of
     * {@code delta_Omega omega + delta_U u}, the coboundary taken at the state's own pattern.
     */
    @Property(tries = 40)
    void residualTotalIsTwiceTheEnergyAndResidualEdgesAreWhereSkipsLand(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.residual(random, hidden, 10, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        SheafState state = new SheafState(sheaf.layout(), 1, RandomNetworks.gaussian(random, sheaf.layout().stateSize()));
        Discord discord = assertTotalIsTwiceTheEnergy(sheaf, state);
        Coboundary coboundary = new Coboundary(sheaf.network(), ActivationPattern.of(state, 0));
        double[] v = state.values();
        DMatrixRMaj omega = new DMatrixRMaj(coboundary.dimension(), 1);
        System.arraycopy(v, arch.inputs(), omega.data, 0, omega.numRows);
        DMatrixRMaj delta = new DMatrixRMaj(coboundary.dimension(), 1);
        CommonOps_DDRM.mult(coboundary.restricted(), omega, delta);
        CommonOps_DDRM.multAdd(coboundary.boundary(), coboundary.boundaryValues(state.input(0)), delta);
        for (int e = 0; e < discord.edges().size(); e++) {
            Edge edge = discord.edges().get(e);
            if (edge.kind() != EdgeKind.OUTPUT) {
                double squares = 0;
                for (int i = edge.offset(); i < edge.offset() + edge.width(); i++) {
                    squares += delta.get(i) * delta.get(i);
                }
                assertEquals(squares, discord.edge(e), 1e-12 * (1 + squares), edge.name() + " of " + arch);
            }
        }
        for (int l = 1; l <= arch.layers(); l++) {
            int layer = l;
            boolean landed = arch.skips().stream().anyMatch(skip -> skip.to() == layer);
            long residual = discord.edges().stream().filter(e -> e.kind() == EdgeKind.RESIDUAL && e.layer() == layer)
                    .count();
            long weight = discord.edges().stream().filter(e -> e.kind() == EdgeKind.WEIGHT && e.layer() == layer)
                    .count();
            assertEquals(landed ? 1 : 0, residual, "residual edges of layer " + l + " of " + arch);
            assertEquals(landed ? 0 : 1, weight, "weight edges of layer " + l + " of " + arch);
        }
        assertEquals(discord.byKind().getOrDefault(EdgeKind.WEIGHT, 0.0)
                + discord.byKind().getOrDefault(EdgeKind.RESIDUAL, 0.0), discord.weightEdges(), 1e-12 * discord.total());
    }

    /** The discord of a random state: twice its energy, and the sum of its groups by layer and by kind. */
    private static Discord assertTotalIsTwiceTheEnergy(Sheaf sheaf, SheafState state) {
        Architecture arch = sheaf.network().architecture();
        Discord discord = sheaf.discord(state);
        double energy = Energy.of(sheaf.kernel(), sheaf.network().parameters(), state.values(),
                Pins.none().compile(sheaf.layout(), 1), new Workspace(sheaf.layout(), 1));
        assertEquals(2 * energy, discord.total(), 1e-12 * (1 + energy));
        assertEquals(discord.total(), sum(discord.byLayer()), 1e-12 * (1 + energy));
        assertEquals(discord.total(), sum(discord.byKind()), 1e-12 * (1 + energy));
        assertEquals(arch.layers() + arch.hiddenLayers() + (arch.hasOutputVertex() ? 1 : 0), discord.edges().size());
        return discord;
    }

    @Property(tries = 20)
    void batchDiscordIsTheMeanOfPerSampleDiscord(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, 3, 5, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        int size = sheaf.layout().stateSize();
        SheafState all = new SheafState(sheaf.layout(), batch, RandomNetworks.gaussian(random, size * batch));
        Discord together = sheaf.discord(all);
        double[] mean = new double[together.edges().size()];
        for (int s = 0; s < batch; s++) {
            Discord d = sheaf.discord(new SheafState(sheaf.layout(), 1, all.sample(s)));
            for (int e = 0; e < mean.length; e++) {
                mean[e] += d.edge(e) / batch;
            }
        }
        for (int e = 0; e < mean.length; e++) {
            assertEquals(mean[e], together.edge(e), 1e-12 * (1 + mean[e]), together.edges().get(e).name());
        }
    }

    private static <K> double sum(Map<K, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
