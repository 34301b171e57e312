package dev.sheaf4j;

import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Weights;
import java.util.Objects;

/** A {@link SheafModel} for a network built at run time, driven by the {@link GenericKernel}. */
public final class Sheaf implements SheafModel {
    private final Network network;
    private final SheafKernel kernel;

    private Sheaf(Network network) {
        this.network = Objects.requireNonNull(network, "network");
        this.kernel = new GenericKernel(network.architecture());
    }

    /** The sheaf of {@code network}. */
    public static Sheaf of(Network network) {
        return new Sheaf(network);
    }

    /** The sheaf of a He-initialised network of {@code architecture}, seeded with {@code seed}. */
    public static Sheaf create(Architecture architecture, long seed) {
        return new Sheaf(Network.heInitialised(architecture, seed));
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public SheafKernel kernel() {
        return kernel;
    }

    @Override
    public Sheaf withWeights(Weights weights) {
        return new Sheaf(weights.toNetwork(network.architecture()));
    }

    @Override
    public String toString() {
        return "Sheaf" + network.architecture();
    }
}
