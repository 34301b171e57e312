package dev.sheaf4j.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded random network declarations as Java source: depth 1 to 5, widths 1 to 64, every head,
 * ReLU and leaky layers, with and without valid hard and soft pins, and, for residual ones, skip
 * connections: identity and projected, from the input and hidden layers into hidden layers and the
 * output, several into one layer.
 */
final class RandomDeclarations {
    private RandomDeclarations() {
    }

    /** The source of plain interface {@code test.<name>} drawn from {@code seed}. */
    static String source(String name, long seed) {
        return source(name, seed, false);
    }

    /** The source of interface {@code test.<name>} drawn from {@code seed}, with skip connections if {@code residual}. */
    static String source(String name, long seed, boolean residual) {
        SplittableRandom random = new SplittableRandom(seed);
        int layers = 1 + random.nextInt(5);
        int[] widths = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            widths[l] = 1 + random.nextInt(random.nextInt(4) == 0 ? 64 : 12);
        }
        String head = new String[] {"IDENTITY", "SIGMOID", "SOFTMAX"}[random.nextInt(3)];
        if (head.equals("SOFTMAX") && widths[layers] < 2) {
            widths[layers] = 2 + random.nextInt(5);
        }
        String[][] skips = residual ? skips(new SplittableRandom(~seed), widths, head) : new String[layers + 1][0];
        boolean pins = random.nextBoolean();
        StringBuilder s = new StringBuilder();
        s.append("package test;\n\n")
                .append("import dev.sheaf4j.Layer;\nimport dev.sheaf4j.SheafModel;\nimport dev.sheaf4j.annotation.*;\n\n")
                .append("@SheafNetwork\npublic interface ").append(name).append(" extends SheafModel {\n");
        s.append("    @Input(").append(widths[0]).append(")\n    Layer x();\n\n");
        for (int l = 1; l < layers; l++) {
            boolean leaky = random.nextInt(3) == 0;
            s.append("    @Dense(value = ").append(widths[l]);
            if (leaky) {
                s.append(String.format(Locale.ROOT, ", activation = Activation.LEAKY_RELU, slope = %.3f",
                        random.nextDouble(0.01, 0.5)));
            }
            s.append(")\n").append(skips[l].length == 0 ? "" : String.join("", skips[l]));
            if (pins) {
                s.append(String.format(Locale.ROOT, "    @Pin(neuron = %d, value = %.4f)\n", random.nextInt(widths[l]),
                        random.nextGaussian()));
                s.append(String.format(Locale.ROOT, "    @SoftPin(stalk = Stalk.POST, neuron = %d, value = %.4f,"
                        + " strength = %.3f)\n", random.nextInt(widths[l]), random.nextGaussian(),
                        random.nextDouble(0.1, 5)));
            }
            s.append("    Layer hidden").append(l).append("();\n\n");
        }
        s.append("    @Output(value = ").append(widths[layers]).append(", activation = OutputActivation.")
                .append(head).append(")\n").append(String.join("", skips[layers]));
        if (pins) {
            s.append(String.format(Locale.ROOT, "    @SoftPin(neuron = %d, value = %.4f, strength = %.3f)\n",
                    random.nextInt(widths[layers]), random.nextGaussian(), random.nextDouble(0.1, 5)));
        }
        s.append("    Layer y();\n}\n");
        return s.toString();
    }

    /**
     * The {@code @Skip} lines of every layer, drawn from {@code random}: each earlier layer feeds a
     * layer with probability 0.4, through the identity or a projection; the first identity skip into
     * a layer sets its width to its source's, later ones into it are projected unless the widths
     * agree. A network that draws no skip gets a projection from the input into the output.
     */
    private static String[][] skips(SplittableRandom random, int[] widths, String head) {
        int layers = widths.length - 1;
        String[][] lines = new String[layers + 1][];
        lines[0] = new String[0];
        int count = 0;
        for (int to = 1; to <= layers; to++) {
            List<String> into = new ArrayList<>();
            boolean widthSet = false;
            for (int from = 0; from < to; from++) {
                if (random.nextDouble() >= 0.4 && !(to == layers && from == 0 && count == 0)) {
                    continue;
                }
                boolean identity = random.nextBoolean() && !(to == layers && head.equals("SOFTMAX")
                        && widths[from] < 2);
                if (identity && !widthSet) {
                    widths[to] = widths[from];
                    widthSet = true;
                }
                boolean projected = !identity || widths[to] != widths[from];
                into.add("    @Skip(from = \"" + (from == 0 ? "x" : "hidden" + from) + "\""
                        + (projected ? ", projection = true" : "") + ")\n");
                count++;
            }
            lines[to] = into.toArray(String[]::new);
        }
        return lines;
    }
}
