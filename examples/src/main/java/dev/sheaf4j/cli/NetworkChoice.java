package dev.sheaf4j.cli;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.ExampleNetworks;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.network.Network;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose a network: an example by name and seed, or a saved file. */
final class NetworkChoice {
    @Option(names = "--network", defaultValue = "tiny",
            description = "Example network: tiny, paraboloid, saddle, deep, five-layer, circle, blobs, iris, mnist,"
                    + " wide-mnist, pinned-classifier, trained-paraboloid (default ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--load", paramLabel = "FILE", description = "Load the network from a saved file instead.")
    Path load;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the example network's weights (default ${DEFAULT-VALUE}).")
    long seed;

    /** The chosen network. */
    SheafModel model() {
        return load != null ? Sheaf.of(load(load)) : ExampleNetworks.create(network, seed);
    }

    /** The network saved in {@code file}; a file that cannot be loaded is a bad input named in one line. */
    static Network load(Path file) {
        try {
            return NetworkFile.load(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
