package dev.sheaf4j;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.ActivationPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random architectures, networks, inputs and activation patterns for property tests. */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /**
     * A ReLU architecture with {@code layers} weight layers and widths drawn from 1..maxWidth; the
     * head and leaky slopes drawn too when {@code anyHead}.
     */
    public static Architecture architecture(SplittableRandom random, int layers, int maxWidth, boolean anyHead) {
        return withHead(random, widths(random, layers, maxWidth), maxWidth, anyHead);
    }

    /**
     * A residual architecture with {@code hidden} hidden layers, widths drawn from 1..maxWidth (a
     * third of them copying an earlier width, so that identity skips fit), the head and leaky slopes
     * drawn too when {@code anyHead}, and at least one skip: each pair of a source {@code 0..k} and a later target {@code 1..k+1} is
     * a skip with chance 1/3 (so skips from {@code x}, into the output and several into one layer
     * all occur), an identity skip when the widths agree (three times in four), a projection
     * otherwise.
     */
    public static Architecture residual(SplittableRandom random, int hidden, int maxWidth, boolean anyHead) {
        int layers = hidden + 1;
        int[] widths = widths(random, layers, maxWidth);
        for (int l = 1; l <= layers; l++) {
            if (random.nextInt(3) == 0) {
                widths[l] = widths[random.nextInt(l)];
            }
        }
        Architecture plain = withHead(random, widths, maxWidth, anyHead);
        List<Skip> skips = new ArrayList<>();
        for (int to = 1; to <= layers; to++) {
            for (int from = 0; from < to && from < layers; from++) {
                if (random.nextInt(3) == 0) {
                    skips.add(skip(random, plain, from, to));
                }
            }
        }
        if (skips.isEmpty()) {
            skips.add(skip(random, plain, random.nextInt(layers), layers));
        }
        return plain.withSkips(skips);
    }

    private static Skip skip(SplittableRandom random, Architecture arch, int from, int to) {
        boolean identity = arch.width(from) == arch.width(to) && random.nextInt(4) != 0;
        return identity ? Skip.identity(from, to) : Skip.projection(from, to);
    }

    private static int[] widths(SplittableRandom random, int layers, int maxWidth) {
        int[] widths = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            widths[l] = 1 + random.nextInt(maxWidth);
        }
        return widths;
    }

    private static Architecture withHead(SplittableRandom random, int[] widths, int maxWidth, boolean anyHead) {
        int layers = widths.length - 1;
        double[] slopes = new double[layers - 1];
        OutputActivation head = OutputActivation.IDENTITY;
        if (anyHead) {
            for (int l = 0; l < slopes.length; l++) {
                slopes[l] = random.nextInt(3) == 0 ? random.nextDouble(0.01, 0.5) : 0.0;
            }
            head = OutputActivation.values()[random.nextInt(3)];
            if (head == OutputActivation.SOFTMAX && widths[layers] < 2) {
                widths[layers] = 2 + random.nextInt(maxWidth);
            }
        }
        return new Architecture(widths, slopes, head);
    }

    /**
     * {@code arch} with random skip connections, at least one: each pair of a source (the input or a
     * hidden layer) and a target two or more layers later is joined with chance one half, by an
     * identity skip or a projection as {@link #residual} draws them; without any, a projection from
     * the input into the output.
     */
    public static Architecture withSkips(SplittableRandom random, Architecture arch) {
        List<Skip> skips = new ArrayList<>();
        for (int from = 0; from < arch.layers(); from++) {
            for (int to = from + 2; to <= arch.layers(); to++) {
                if (random.nextBoolean()) {
                    skips.add(skip(random, arch, from, to));
                }
            }
        }
        if (skips.isEmpty()) {
            skips.add(Skip.projection(0, arch.layers()));
        }
        return arch.withSkips(skips);
    }

    /** He weights and projections, plus small random biases so that the bias columns matter. */
    public static Network network(SplittableRandom random, Architecture arch) {
        double[] p = Network.heInitialised(arch, random.nextLong()).parameters();
        for (int l = 1; l <= arch.layers(); l++) {
            for (int i = 0; i < arch.width(l); i++) {
                p[arch.biasOffset(l) + i] = 0.3 * random.nextGaussian();
            }
        }
        return new Network(arch, p);
    }

    /** A vector of standard normal entries. */
    public static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /**
     * A pattern of one of four kinds, by {@code kind % 4}: all dead, all active, random, or one
     * random layer dead and the rest random.
     */
    public static ActivationPattern pattern(SplittableRandom random, Architecture arch, int kind) {
        boolean[][] active = new boolean[arch.hiddenLayers()][];
        int deadLayer = arch.hiddenLayers() == 0 ? -1 : random.nextInt(arch.hiddenLayers());
        for (int l = 0; l < active.length; l++) {
            active[l] = new boolean[arch.width(l + 1)];
            for (int i = 0; i < active[l].length; i++) {
                active[l][i] = switch (kind % 4) {
                    case 0 -> false;
                    case 1 -> true;
                    case 2 -> random.nextBoolean();
                    default -> l != deadLayer && random.nextBoolean();
                };
            }
        }
        return ActivationPattern.of(arch, active);
    }
}
