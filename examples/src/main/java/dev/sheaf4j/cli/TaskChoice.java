package dev.sheaf4j.cli;

import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that choose a task: its name, the hidden depth of its network, and the seed of both. */
final class TaskChoice {
    @Parameters(paramLabel = "TASK", description = "paraboloid, saddle, circle, blobs (the paper's), iris or mnist.")
    String name;

    @Option(names = "--hidden", defaultValue = "1",
            description = "Hidden layers of the synthetic tasks' networks: 1 or 2 (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data and the initial weights (default ${DEFAULT-VALUE}).")
    long seed;

    /** Checks these options. */
    void check(OptionChecks checks) {
        checks.require(hidden == 1 || hidden == 2, "--hidden must be 1 or 2, got " + hidden);
    }

    /** The chosen task, its data drawn from the seed. */
    Tasks.Task task() {
        return Tasks.task(name, hidden, seed);
    }

    /**
     * The network saved in {@code file}, refused unless it fits {@code task}: the same inputs,
     * outputs and output map as the task's own network.
     */
    static Network loadFitting(Path file, Tasks.Task task) {
        Network network = NetworkChoice.load(file);
        Architecture found = network.architecture();
        Architecture expected = task.network().apply(0).network().architecture();
        if (found.inputs() != expected.inputs() || found.outputs() != expected.outputs()
                || found.head() != expected.head()) {
            throw new IllegalArgumentException("the network in " + file + " (" + found + ") does not fit the "
                    + task.name() + " task, whose network is " + expected + ": it needs " + expected.inputs()
                    + " inputs, " + expected.outputs() + " outputs and the same output map");
        }
        return network;
    }
}
