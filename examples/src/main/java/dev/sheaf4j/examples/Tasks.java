package dev.sheaf4j.examples;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.data.RealData;
import dev.sheaf4j.data.Split;
import dev.sheaf4j.data.SyntheticTasks;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingSettings;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The training tasks of the command-line tool: the paper's four synthetic tasks (at one or two
 * hidden layers), Iris and MNIST, each with its data, network and the paper's settings.
 */
public final class Tasks {
    /** The task names. */
    public static final List<String> NAMES = List.of("paraboloid", "saddle", "circle", "blobs", "iris", "mnist");

    private Tasks() {
    }

    /** One task: its data, a factory of its network from a seed, and its default settings. */
    public record Task(String name, Split data, LongFunction<SheafModel> network, TrainingSettings settings,
            double sgdRate, boolean classification) {
    }

    /**
     * Task {@code name} with {@code hidden} hidden layers (1 or 2; Iris and MNIST have one), its data
     * drawn from {@code seed}.
     */
    public static Task task(String name, int hidden, long seed) {
        if (hidden != 1 && hidden != 2) {
            throw new IllegalArgumentException("the paper's tasks have 1 or 2 hidden layers, not " + hidden);
        }
        String task = name.toLowerCase(Locale.ROOT);
        TrainingSettings regression = TrainingSettings.defaults().withDt(hidden == 1 ? 0.005 : 0.01)
                .withWarmStart(true).withInit(StalkInit.RANDOM, seed);
        TrainingSettings classification = TrainingSettings.defaults().withDt(hidden == 1 ? 0.005 : 0.01)
                .withWarmStart(false).withInit(StalkInit.FORWARD_PASS, seed);
        return switch (task) {
            case "paraboloid" -> new Task(task, SyntheticTasks.generate(task, 300, 100, seed),
                    hidden == 1 ? ParaboloidSheaf::create : DeepRegressionSheaf::create, regression, 0.005, false);
            case "saddle" -> new Task(task, SyntheticTasks.generate(task, 300, 100, seed),
                    hidden == 1 ? SaddleSheaf::create : DeepRegressionSheaf::create, regression, 0.005, false);
            case "circle" -> new Task(task, SyntheticTasks.generate(task, 300, 100, seed),
                    hidden == 1 ? CircleSheaf::create : DeepCircleSheaf::create, classification, 0.01, true);
            case "blobs" -> new Task(task, SyntheticTasks.generate(task, 300, 100, seed),
                    hidden == 1 ? BlobsSheaf::create : DeepBlobsSheaf::create, classification, 0.01, true);
            case "iris" -> new Task(task, RealData.iris(seed), IrisSheaf::create, classification, 0.01, true);
            case "mnist" -> new Task(task, RealData.mnist(), MnistSheaf::create, classification.withSchedule(10, 100),
                    0.01, true);
            default -> throw new IllegalArgumentException("unknown task '" + name + "'; choose from " + NAMES);
        };
    }
}
