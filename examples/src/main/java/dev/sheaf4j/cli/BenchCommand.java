package dev.sheaf4j.cli;

import com.google.gson.GsonBuilder;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.bench.KernelBenchmark;
import dev.sheaf4j.bench.PinBenchmark;
import dev.sheaf4j.examples.ExampleNetworks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sheaf4j bench}: time per step of generated against generic kernels on the paper's networks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time one Euler step and one joint training step of each example network: generated kernel,"
                + " generic kernel and a dense EJML baseline, measured in alternation in one process (medians of"
                + " rounds); --suite pins times the exact pinned solve against diffusion.")
final class BenchCommand implements Callable<Integer> {
    private static final List<String> DEFAULT_NETWORKS =
            List.of("tiny", "paraboloid", "deep", "circle", "blobs", "iris", "mnist");

    @Option(names = "--networks", split = ",", defaultValue = "tiny,paraboloid,deep,circle,blobs,iris,mnist",
            description = "Networks to time (default ${DEFAULT-VALUE}; for --suite pins: tiny,five-layer,paraboloid).")
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

    @Option(names = "--suite", defaultValue = "kernels",
            description = "kernels: generated against generic kernels; pins: exact pinned solve against diffusion"
                    + " (default ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--max-steps", defaultValue = "400000",
            description = "With --suite pins: the most diffusion steps (default ${DEFAULT-VALUE}).")
    int maxSteps;

    @Override
    public Integer call() {
        if (suite.equals("pins")) {
            return pins();
        }
        if (!suite.equals("kernels")) {
            throw new IllegalArgumentException("unknown suite '" + suite + "'; choose kernels or pins");
        }
        List<SheafModel> models = new ArrayList<>();
        for (String name : networks) {
            models.add(ExampleNetworks.create(name, 1));
        }
        if (!json) {
            System.out.printf(Locale.ROOT, "%-11s %-20s %6s %-6s %14s %14s %14s %9s %9s%n", "network", "architecture",
                    "batch", "op", "generated ns", "generic ns", "EJML ns", "vs gen.", "vs EJML");
        }
        List<KernelBenchmark.Result> results = new ArrayList<>();
        for (int n = 0; n < models.size(); n++) {
            String name = networks.get(n);
            SheafModel model = models.get(n);
            for (int batch : batches) {
                for (KernelBenchmark.Operation op : operations) {
                    KernelBenchmark.Result r = KernelBenchmark.run(name, model, batch, op, rounds,
                            roundMillis * 1_000_000L);
                    results.add(r);
                    if (!json) {
                        System.out.printf(Locale.ROOT, "%-11s %-20s %6d %-6s %14.1f %14.1f %14.1f %8.2fx %8.2fx%n",
                                name, java.util.Arrays.toString(r.architecture().widths()), batch, op,
                                r.generatedNanos(), r.genericNanos(), r.ejmlNanos(), r.speedup(), r.speedupOverEjml());
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
                row.put("ejmlNanosPerStep", r.ejmlNanos());
                row.put("speedup", r.speedup());
                row.put("speedupOverEjml", r.speedupOverEjml());
                rows.add(row);
            }
            System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(rows));
        }
        return 0;
    }

    private int pins() {
        List<String> names = networks.equals(DEFAULT_NETWORKS) ? List.of("tiny", "five-layer", "paraboloid") : networks;
        List<PinBenchmark.Result> results = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%-11s %6s %13s %13s %14s %9s %8s %10s %9s%n", "network", "batch",
                    "exact ms", "exact ms (par)", "diffusion ms", "steps", "settled", "max diff", "speedup");
        }
        for (String name : names) {
            SheafModel model = ExampleNetworks.create(name, 1);
            for (int batch : batches) {
                PinBenchmark.Result r = PinBenchmark.run(name, model, batch, maxSteps, 15);
                results.add(r);
                if (!json) {
                    System.out.printf(Locale.ROOT, "%-11s %6d %13.3f %13.3f %14.1f %9d %8s %10.2g %8.0fx%s%n", name,
                            batch, r.exactSequentialMillis(), r.exactParallelMillis(), r.diffusionMillis(),
                            r.diffusionSteps(), r.diffusionSettled() ? "yes" : "no", r.maxDifference(), r.speedup(),
                            r.diffusionSettled() ? "" : " (at least)");
                }
            }
        }
        if (json) {
            System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results));
        }
        return 0;
    }
}
