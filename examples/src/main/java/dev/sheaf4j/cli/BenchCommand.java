package dev.sheaf4j.cli;

import com.google.gson.GsonBuilder;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.bench.KernelBenchmark;
import dev.sheaf4j.examples.BlobsSheaf;
import dev.sheaf4j.examples.CircleSheaf;
import dev.sheaf4j.examples.DeepRegressionSheaf;
import dev.sheaf4j.examples.IrisSheaf;
import dev.sheaf4j.examples.MnistSheaf;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.examples.TinySheaf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sheaf4j bench}: time per step of generated against generic kernels on the paper's networks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time one Euler step and one joint training step of each example network, generated kernel"
                + " against generic kernel, measured in alternation in one process (medians of rounds).")
final class BenchCommand implements Callable<Integer> {
    private static final Map<String, Supplier<SheafModel>> NETWORKS = new LinkedHashMap<>();

    static {
        NETWORKS.put("tiny", () -> TinySheaf.create(1));
        NETWORKS.put("paraboloid", () -> ParaboloidSheaf.create(1));
        NETWORKS.put("deep", () -> DeepRegressionSheaf.create(1));
        NETWORKS.put("circle", () -> CircleSheaf.create(1));
        NETWORKS.put("blobs", () -> BlobsSheaf.create(1));
        NETWORKS.put("iris", () -> IrisSheaf.create(1));
        NETWORKS.put("mnist", () -> MnistSheaf.create(1));
    }

    @Option(names = "--networks", split = ",", defaultValue = "tiny,paraboloid,deep,circle,blobs,iris,mnist",
            description = "Networks to time (default ${DEFAULT-VALUE}).")
    List<String> networks;

    @Option(names = "--batch", split = ",", defaultValue = "1,300", description = "Batch sizes (default ${DEFAULT-VALUE}).")
    int[] batches;

    @Option(names = "--ops", split = ",", defaultValue = "EULER,TRAIN",
            description = "Operations: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    List<KernelBenchmark.Operation> operations;

    @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds per kernel (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-ms", defaultValue = "60", description = "Length of one round in ms (default ${DEFAULT-VALUE}).")
    int roundMillis;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        for (String name : networks) {
            if (!NETWORKS.containsKey(name)) {
                throw new IllegalArgumentException("unknown network '" + name + "'; choose from " + NETWORKS.keySet());
            }
        }
        if (!json) {
            System.out.printf(Locale.ROOT, "%-11s %-20s %6s %-6s %14s %14s %8s%n", "network", "architecture", "batch",
                    "op", "generated ns", "generic ns", "speedup");
        }
        List<KernelBenchmark.Result> results = new ArrayList<>();
        for (String name : networks) {
            SheafModel model = NETWORKS.get(name).get();
            for (int batch : batches) {
                for (KernelBenchmark.Operation op : operations) {
                    KernelBenchmark.Result r = KernelBenchmark.run(name, model, batch, op, rounds,
                            roundMillis * 1_000_000L);
                    results.add(r);
                    if (!json) {
                        System.out.printf(Locale.ROOT, "%-11s %-20s %6d %-6s %14.1f %14.1f %7.2fx%n", name,
                                java.util.Arrays.toString(r.architecture().widths()), batch, op, r.generatedNanos(),
                                r.genericNanos(), r.speedup());
                    }
                }
            }
        }
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (KernelBenchmark.Result r : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("network", r.network());
                row.put("widths", r.architecture().widths());
                row.put("batch", r.batch());
                row.put("operation", r.operation().name());
                row.put("generatedNanosPerStep", r.generatedNanos());
                row.put("genericNanosPerStep", r.genericNanos());
                row.put("speedup", r.speedup());
                rows.add(row);
            }
            System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(rows));
        }
        return 0;
    }
}
