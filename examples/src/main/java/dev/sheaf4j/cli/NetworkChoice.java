package dev.sheaf4j.cli;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.ExampleNetworks;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.network.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose a network: an example by name and seed, or a saved file. */
final class NetworkChoice {
    @Option(names = "--network", defaultValue = "tiny",
            description = "Example network: tiny, paraboloid, saddle, deep, five-layer, circle, blobs, iris, mnist,"
                    + " wide-mnist, pinned-classifier, residual-deep, residual-mnist, trained-paraboloid"
                    + " (default ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--load", paramLabel = "FILE", description = "Load the network from a saved file instead.")
    Path load;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the example network's weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The chosen network; {@code --load} with {@code --network} or {@code --seed} is a usage error. */
    SheafModel model() {
        if (load == null) {
            return ExampleNetworks.create(network, seed);
        }
        for (String example : List.of("--network", "--seed")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(example)) {
                throw new ParameterException(spec.commandLine(), "--load and " + example
                        + " choose the network two ways; give --load alone, or --network and --seed");
            }
        }
        return Sheaf.of(load(load));
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
