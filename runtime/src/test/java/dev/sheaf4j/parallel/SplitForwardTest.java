package dev.sheaf4j.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A forward pass cut into shares gives every sample the values of one pass of the whole batch. */
class SplitForwardTest {
    @Property(tries = 12)
    void theSharesGiveTheValuesOfOnePass(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int layers,
            @ForAll @IntRange(min = 1, max = 6000) int batch) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, layers, 24, true);
        Network network = RandomNetworks.network(random, arch);
        GenericKernel kernel = new GenericKernel(arch);
        SheafLayout layout = kernel.layout();
        double[] state = new double[layout.stateLength(batch)];
        double[] inputs = RandomNetworks.gaussian(random, arch.inputs() * batch);
        System.arraycopy(inputs, 0, state, 0, inputs.length);
        double[] whole = state.clone();
        kernel.forward(network.parameters(), whole, batch);
        SplitForward.forward(kernel, network.parameters(), state, batch);
        assertArrayEquals(whole, state, arch + " on " + batch + " samples");
    }

    @Property(tries = 3)
    void aLargeBatchIsCutIntoShares(@ForAll long seed) {
        Architecture arch = RandomNetworks.architecture(new SplittableRandom(seed), 2, 24, true);
        int batch = (int) (4 * ThreadPolicy.MIN_WORK_PER_PASS_SHARE / arch.parameterCount()) + 2;
        assertTrue(ThreadPolicy.passShares(ThreadPolicy.work(arch, batch)) > 1, "a batch of " + batch + " on " + arch);
        theSharesGiveTheValuesOfOnePass(seed, 2, batch);
    }
}
