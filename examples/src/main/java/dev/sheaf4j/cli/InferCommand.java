package dev.sheaf4j.cli;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Vertex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sheaf4j infer X...}: the network's output for each input, with every stalk of the forward
 * pass and its agreement with the harmonic extension solved through the coboundary.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Run inputs through a network: the output, every stalk, and the harmonic extension's agreement.")
final class InferCommand implements Callable<Integer> {
    @Mixin
    NetworkChoice choice = new NetworkChoice();

    @Parameters(arity = "1..*", paramLabel = "X", description = "Inputs, each as comma-separated numbers, e.g. 0.5,-0.3.")
    List<String> inputs;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        double[][] xs = new double[inputs.size()][];
        for (int s = 0; s < xs.length; s++) {
            xs[s] = parse(inputs.get(s));
        }
        SheafModel model = choice.model();
        SheafState forward = model.forwardPass(xs);
        SheafState harmonic = model.harmonicExtension(xs);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s = 0; s < xs.length; s++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("input", xs[s]);
            row.put("output", forward.output(s));
            Map<String, double[]> stalks = new LinkedHashMap<>();
            for (Vertex v : model.layout().vertices()) {
                stalks.put(model.layout().name(v), forward.stalk(v.layer(), v.stalk(), s));
            }
            row.put("stalks", stalks);
            double difference = 0;
            for (int c = 0; c < model.layout().stateSize(); c++) {
                int i = c * xs.length + s;
                difference = Math.max(difference, Math.abs(forward.values()[i] - harmonic.values()[i]));
            }
            row.put("harmonicExtensionDifference", difference);
            rows.add(row);
        }
        if (json) {
            JsonOutput.print(rows);
            return 0;
        }
        System.out.printf(Locale.ROOT, "network %s%n", model.network().architecture());
        for (Map<String, Object> row : rows) {
            System.out.printf(Locale.ROOT, "%ninput %s -> output %s (harmonic extension agrees to %.2g)%n",
                    java.util.Arrays.toString((double[]) row.get("input")),
                    java.util.Arrays.toString((double[]) row.get("output")), (Double) row.get("harmonicExtensionDifference"));
            @SuppressWarnings("unchecked")
            Map<String, double[]> stalks = (Map<String, double[]>) row.get("stalks");
            stalks.forEach((name, values) -> {
                if (values.length <= 12) {
                    System.out.printf(Locale.ROOT, "  %-6s %s%n", name, java.util.Arrays.toString(values));
                }
            });
        }
        return 0;
    }

    private double[] parse(String text) {
        String[] parts = text.split(",");
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                x[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("input '" + text + "': '" + parts[i] + "' is not a number");
            }
        }
        return x;
    }
}
