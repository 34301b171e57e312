package dev.sheaf4j.cli;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.bench.KernelBenchmark;
import dev.sheaf4j.bench.MachineLimits;
import dev.sheaf4j.bench.PinBenchmark;
import dev.sheaf4j.bench.ScalingBenchmark;
import dev.sheaf4j.examples.ExampleNetworks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheaf4j bench}: time per step of generated against generic kernels on the paper's networks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time one Euler step and one joint training step of each example network: generated kernel,"
                + " generic kernel and a dense EJML baseline, measured in alternation in one process (medians of"
                + " rounds); --suite pins times the exact pinned solve against diffusion.")
final class BenchCommand implements Callable<Integer> {
    /** The longest timed round, so that a run always ends. */
    private static final int MAX_ROUND_MILLIS = 60_000;
    /** How long each calibration trial runs. */
    private static final long CALIBRATION_NANOS = 80_000_000L;
    /** A triad over this many bytes streams from memory on any machine with less cache. */
    private static final long MEMORY_BYTES = 192L << 20;
    private static final List<String> DEFAULT_NETWORKS =
            List.of("tiny", "paraboloid", "deep", "circle", "blobs", "iris", "mnist");

    private static final List<String> SUITES = List.of("kernels", "pins", "scaling");
    private static final List<KernelBenchmark.Operation> SCALING_OPERATIONS =
            List.of(KernelBenchmark.Operation.EULER, KernelBenchmark.Operation.TRAIN);

    @Spec
    CommandSpec spec;

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

    @Option(names = "--round-ms", defaultValue = "60",
            description = "Length of one round in ms, at most 60000 (default ${DEFAULT-VALUE}).")
    int roundMillis;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--suite", defaultValue = "kernels",
            description = "kernels: generated, generic and EJML kernels with flop rates against the measured peak;"
                    + " pins: exact pinned solve against diffusion; scaling: Euler and training steps on 1 to all"
                    + " cores and on the default's choice of threads"
                    + " (default ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--max-steps", defaultValue = "400000",
            description = "With --suite pins: the most diffusion steps (default ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        OptionChecks checks = new OptionChecks(spec).oneOf("--suite", List.of(suite), SUITES)
                .positive("--batch", batches).positive("--rounds", rounds).positive("--round-ms", roundMillis)
                .positive("--max-steps", maxSteps)
                .require(roundMillis <= MAX_ROUND_MILLIS, "--round-ms must be at most " + MAX_ROUND_MILLIS
                        + " (a minute per round), got " + roundMillis)
                .require(!suite.equals("scaling") || SCALING_OPERATIONS.containsAll(operations),
                        "--ops with --suite scaling takes " + SCALING_OPERATIONS + ", got " + operations);
        List<String> names = switch (suite) {
            case "pins" -> networks.equals(DEFAULT_NETWORKS) ? List.of("tiny", "five-layer", "paraboloid") : networks;
            case "scaling" -> networks.equals(DEFAULT_NETWORKS) ? List.of("paraboloid", "mnist") : networks;
            default -> networks;
        };
        Map<String, SheafModel> models = new LinkedHashMap<>();
        for (String name : names) {
            SheafModel model = checks.build("--networks", () -> ExampleNetworks.create(name, 1));
            checks.require(!model.network().architecture().residual(), "--networks: " + name + " has skip connections,"
                    + " which the EJML baseline and the step's flop count leave out; bench a network without skips");
            for (int batch : batches) {
                checks.build("--batch", () -> model.layout().stateLength(batch));
            }
            models.put(name, model);
        }
        return switch (suite) {
            case "pins" -> pins(models);
            case "scaling" -> scaling(models);
            default -> kernels(models);
        };
    }

    private int kernels(Map<String, SheafModel> models) {
        ProgressBar bar = new ProgressBar(System.err, "bench", !quiet);
        int total = models.size() * batches.length * operations.size();
        bar.update(0, total, "calibrating");
        double peak = MachineLimits.peakGflops(CALIBRATION_NANOS);
        double memory = MachineLimits.triadGBs(MEMORY_BYTES, CALIBRATION_NANOS);
        bar.clear();
        if (!json) {
            System.out.printf(Locale.ROOT, "peak of one core (FMA calibration kernel, this process): %.1f GFLOP/s;"
                    + " triad bandwidth from memory (%d MiB): %.1f GB/s%n", peak, MEMORY_BYTES >> 20, memory);
            System.out.printf(Locale.ROOT, "%-11s %-15s %5s %-11s %13s %13s %13s %8s %8s %8s %6s %7s %5s%n", "network",
                    "architecture", "batch", "op", "generated ns", "generic ns", "EJML ns", "vs gen.", "vs EJML",
                    "GFLOP/s", "%peak", "GB/s", "%bw");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, SheafModel> network : models.entrySet()) {
            String name = network.getKey();
            SheafModel model = network.getValue();
            for (int batch : batches) {
                for (KernelBenchmark.Operation op : operations) {
                    bar.update(rows.size(), total, name + ", batch " + batch + ", " + op);
                    KernelBenchmark.Result r = KernelBenchmark.run(name, model, batch, op, rounds,
                            roundMillis * 1_000_000L);
                    double bandwidth = MachineLimits.triadGBs(r.workingSetBytes(), CALIBRATION_NANOS / 4);
                    rows.add(row(r, peak, bandwidth));
                    bar.clear();
                    if (!json) {
                        System.out.printf(Locale.ROOT,
                                "%-11s %-15s %5d %-11s %13.1f %13.1f %13.1f %7.2fx %7.2fx %8s %6s %7s %5s%n", name,
                                Arrays.toString(r.architecture().widths()), batch, op, r.generatedNanos(),
                                r.genericNanos(), r.ejmlNanos(), r.speedup(), r.speedupOverEjml(),
                                rate(r.generatedGflops(), "%.2f"), rate(100 * r.generatedGflops() / peak, "%.1f"),
                                rate(r.generatedGBs(), "%.2f"), rate(100 * r.generatedGBs() / bandwidth, "%.1f"));
                    }
                }
            }
        }
        bar.clear();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("peakGflopsOneCore", peak);
            report.put("memoryTriadGBs", memory);
            report.put("results", rows);
            JsonOutput.print(report);
        }
        return 0;
    }

    /** A rate as text, or "-" where the step has no fixed cost. */
    private static String rate(double value, String format) {
        return value > 0 ? String.format(Locale.ROOT, format, value) : "-";
    }

    private static Map<String, Object> row(KernelBenchmark.Result r, double peak, double bandwidth) {
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
        row.put("flopsPerStep", r.cost().flops());
        row.put("bytesPerStep", r.cost().bytes());
        row.put("generatedGflops", r.generatedGflops());
        row.put("percentOfPeak", 100 * r.generatedGflops() / peak);
        row.put("workingSetBytes", r.workingSetBytes());
        row.put("triadGBsAtWorkingSet", bandwidth);
        row.put("generatedGBs", r.generatedGBs());
        return row;
    }

    private int scaling(Map<String, SheafModel> models) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%-11s %-15s %5s %-5s %8s %14s %9s%n", "network", "architecture", "batch",
                    "op", "threads", "ns per step", "speedup");
        }
        ProgressBar bar = new ProgressBar(System.err, "bench", !quiet);
        int total = models.size() * batches.length * operations.size();
        for (Map.Entry<String, SheafModel> network : models.entrySet()) {
            for (int batch : batches) {
                for (KernelBenchmark.Operation op : operations) {
                    String name = network.getKey();
                    bar.update(rows.size(), total, name + ", batch " + batch + ", " + op);
                    ScalingBenchmark.Result r = ScalingBenchmark.run(name, network.getValue(), batch, op, threads,
                            rounds, roundMillis * 1_000_000L);
                    rows.add(scalingRow(r));
                    bar.clear();
                    for (int t = 1; !json && t <= threads; t++) {
                        System.out.printf(Locale.ROOT, "%-11s %-15s %5d %-5s %8s %14.1f %8.2fx%n", name,
                                Arrays.toString(r.architecture().widths()), batch, op,
                                t + (t == r.defaultThreads() ? " (def)" : ""), r.nanos()[t - 1], r.speedup(t));
                    }
                }
            }
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("cores", Runtime.getRuntime().availableProcessors());
            report.put("results", rows);
            JsonOutput.print(report);
        }
        return 0;
    }

    private static Map<String, Object> scalingRow(ScalingBenchmark.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("network", r.network());
        row.put("widths", r.architecture().widths());
        row.put("batch", r.batch());
        row.put("operation", r.operation().name());
        row.put("oneThreadNanosPerStep", r.nanos()[0]);
        row.put("twoThreadsNanosPerStep", r.nanos()[1]);
        row.put("speedupTwoThreads", r.speedup(2));
        row.put("nanosPerStepByThreads", r.nanos());
        row.put("defaultThreads", r.defaultThreads());
        row.put("defaultNanosPerStep", r.defaultNanos());
        row.put("defaultSpeedup", r.nanos()[0] / r.defaultNanos());
        return row;
    }

    private int pins(Map<String, SheafModel> models) {
        List<PinBenchmark.Result> results = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%-11s %6s %13s %13s %14s %9s %8s %10s %9s%n", "network", "batch",
                    "exact ms", "exact ms (par)", "diffusion ms", "steps", "settled", "max diff", "speedup");
        }
        ProgressBar bar = new ProgressBar(System.err, "bench", !quiet);
        for (Map.Entry<String, SheafModel> network : models.entrySet()) {
            String name = network.getKey();
            SheafModel model = network.getValue();
            for (int batch : batches) {
                bar.update(results.size(), models.size() * batches.length, name + ", batch " + batch);
                PinBenchmark.Result r = PinBenchmark.run(name, model, batch, maxSteps, 15);
                results.add(r);
                bar.clear();
                if (!json) {
                    System.out.printf(Locale.ROOT, "%-11s %6d %13.3f %13.3f %14.1f %9d %8s %10.2g %8.0fx%s%n", name,
                            batch, r.exactSequentialMillis(), r.exactParallelMillis(), r.diffusionMillis(),
                            r.diffusionSteps(), r.diffusionSettled() ? "yes" : "no", r.maxDifference(), r.speedup(),
                            r.diffusionSettled() ? "" : " (at least)");
                }
            }
        }
        if (json) {
            JsonOutput.print(results);
        }
        return 0;
    }
}
