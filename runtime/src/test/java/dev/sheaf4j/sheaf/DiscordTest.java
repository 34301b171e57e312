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

/** Discord totals and groupings against the energy and each other. */
class DiscordTest {

    @Property(tries = 40)
    void totalIsTwiceTheEnergyAndGroupsSumToTheTotal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 10, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        SheafState state = new SheafState(sheaf.layout(), 1, RandomNetworks.gaussian(random, sheaf.layout().stateSize()));
        Discord discord = sheaf.discord(state);
        double energy = Energy.of(sheaf.kernel(), sheaf.network().parameters(), state.values(),
                Pins.none().compile(sheaf.layout(), 1), new Workspace(sheaf.layout(), 1));
        assertEquals(2 * energy, discord.total(), 1e-12 * (1 + energy));
        assertEquals(discord.total(), sum(discord.byLayer()), 1e-12 * (1 + energy));
        assertEquals(discord.total(), sum(discord.byKind()), 1e-12 * (1 + energy));
        assertEquals(arch.layers() + arch.hiddenLayers() + (arch.hasOutputVertex() ? 1 : 0), discord.edges().size());
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
