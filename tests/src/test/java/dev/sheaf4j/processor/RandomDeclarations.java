package dev.sheaf4j.processor;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded random network declarations as Java source: depth 1 to 5, widths 1 to 64, every head,
 * ReLU and leaky layers, with and without valid hard and soft pins.
 */
final class RandomDeclarations {
    private RandomDeclarations() {
    }

    /** The source of interface {@code test.<name>} drawn from {@code seed}. */
    static String source(String name, long seed) {
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
            s.append(")\n");
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
                .append(head).append(")\n");
        if (pins) {
            s.append(String.format(Locale.ROOT, "    @SoftPin(neuron = %d, value = %.4f, strength = %.3f)\n",
                    random.nextInt(widths[layers]), random.nextGaussian(), random.nextDouble(0.1, 5)));
        }
        s.append("    Layer y();\n}\n");
        return s.toString();
    }
}
