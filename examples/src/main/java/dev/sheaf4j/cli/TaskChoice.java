package dev.sheaf4j.cli;

import dev.sheaf4j.examples.Tasks;
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

    /** The chosen task, its data drawn from the seed. */
    Tasks.Task task() {
        return Tasks.task(name, hidden, seed);
    }
}
