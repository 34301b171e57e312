package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.train.SheafTrainer;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A batch's solve moves one solver from sample to sample (and computes the inputs' products for the
 * whole batch at once): each sample's equilibrium and certificate must be, bit for bit, those of a
 * solve of that sample alone, cold and warm (from an earlier equilibrium with its kinks, after a
 * change of the weights), in parallel or not.
 */
class BatchSolveTest {
    private static final int BATCH = 7;

    @Property(tries = 40)
    void aBatchSolvesEachSampleAsASolveOfItAloneDoes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int depth,
            @ForAll boolean parallel) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 8, true);
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        double[] x = RandomNetworks.gaussian(random, layout.stateSize() * BATCH);
        kernel.forward(network.parameters(), x, BATCH);
        double[] targets = new double[arch.outputs() * BATCH];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextDouble();
        }
        EquilibriumSettings cold = EquilibriumSettings.defaults().withMode(OutputEdgeMode.IDENTITY)
                .withParallel(parallel);
        SheafState start = new SheafState(layout, BATCH, x);
        SheafState before = assertSolvedAlike(kernel, network, start, targets, cold).state();
        double[] nudged = network.parameters();
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] += 1e-3 * random.nextGaussian();
        }
        assertSolvedAlike(kernel, new Network(arch, nudged), before, targets, cold.withWarmStart(true));
    }

    /** Solves {@code start} as a batch and sample by sample, asserts them equal, and returns the batch's result. */
    private static EquilibriumResult assertSolvedAlike(GenericKernel kernel, Network network, SheafState start,
            double[] targets, EquilibriumSettings settings) {
        Architecture arch = network.architecture();
        EquilibriumResult all = PinnedEquilibrium.solve(kernel, network, start,
                SheafTrainer.outputTie(arch, targets, BATCH), settings);
        for (int s = 0; s < BATCH; s++) {
            double[] target = new double[arch.outputs()];
            for (int i = 0; i < target.length; i++) {
                target[i] = targets[i * BATCH + s];
            }
            EquilibriumResult one = PinnedEquilibrium.solve(kernel, network,
                    new SheafState(start.layout(), 1, start.sample(s)), SheafTrainer.outputTie(arch, target, 1),
                    settings);
            assertArrayEquals(one.state().sample(0), all.state().sample(s), "sample " + s);
            assertEquals(one.certificate(), all.certificates().get(s), "sample " + s);
        }
        return all;
    }
}
