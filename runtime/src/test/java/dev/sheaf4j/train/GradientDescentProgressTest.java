package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gradient descent tells its progress listener every epoch, without changing the run. */
class GradientDescentProgressTest {

    @Test
    void everyEpochIsHeardInOrderAndTheRunIsUnchanged() {
        Architecture arch = Architecture.relu(2, 5, 1);
        SplittableRandom random = new SplittableRandom(4);
        Network network = RandomNetworks.network(random, arch);
        int n = 12;
        Dataset data = new Dataset(n, 2, 1, RandomNetworks.gaussian(random, 2 * n), RandomNetworks.gaussian(random, n));
        GenericKernel kernel = new GenericKernel(arch);
        List<Integer> heard = new ArrayList<>();
        GradientDescent.Result withProgress = GradientDescent.train(kernel, network, data, null, 0.01, 7, 5, 3, 3,
                heard::add);
        GradientDescent.Result without = GradientDescent.train(kernel, network, data, null, 0.01, 7, 5, 3, 3);

        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), heard);
        assertArrayEquals(without.network().parameters(), withProgress.network().parameters());
        assertArrayEquals(without.trainLoss(), withProgress.trainLoss());
    }
}
