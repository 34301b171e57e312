package dev.sheaf4j.network;

import dev.sheaf4j.annotation.OutputActivation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of a feedforward network: widths {@code [n0, n1, ..., nk, n(k+1)]}, the activation of
 * each hidden layer (ReLU, or leaky ReLU with a slope in (0,1)) and the output map. Immutable.
 *
 * <p>Parameters live in one flat array: for each layer {@code l = 1..k+1}, the weights {@code W_l}
 * ({@code n_l x n_(l-1)}, row-major) followed by the biases {@code b_l}; after the last layer, the
 * projection {@code P} ({@code n_to x n_from}, row-major) of each projected {@link Skip}, in the
 * order of {@link #skips()}. A network without skips is a plain feedforward network.
 */
public final class Architecture {
    /** The largest width accepted, to keep dense diagnostics within memory. */
    public static final int MAX_WIDTH = 1 << 16;
    /**
     * The most parameters (weights and biases) a network may have: {@code 2^30}, so that every offset
     * into the flat parameter array, and the sum of two, fits in an {@code int}.
     */
    public static final int MAX_PARAMETERS = 1 << 30;
    /** The most coordinates one sample's sheaf state may have (all vertex stalks together): {@code 2^30}. */
    public static final int MAX_STATE = 1 << 30;

    private final int[] widths;
    private final double[] slopes;
    private final OutputActivation head;
    private final int[] weightOffsets;
    private final List<Skip> skips;
    private final int[] projectionOffsets;
    private final int parameterCount;

    /** A plain feedforward architecture: {@link #Architecture(int[], double[], OutputActivation, List)} without skips. */
    public Architecture(int[] widths, double[] slopes, OutputActivation head) {
        this(widths, slopes, head, List.of());
    }

    /**
     * @param widths {@code [n0, ..., n(k+1)]}, at least two entries, each at least 1
     * @param slopes the negative-side slope of each of the {@code k} hidden layers: 0 for ReLU,
     *     in (0,1) for leaky ReLU
     * @param head the output map
     * @param skips the skip connections, in any order; stored sorted by target, then source layer
     */
    public Architecture(int[] widths, double[] slopes, OutputActivation head, List<Skip> skips) {
        Objects.requireNonNull(widths, "widths");
        Objects.requireNonNull(skips, "skips");
        Objects.requireNonNull(slopes, "slopes");
        Objects.requireNonNull(head, "output activation");
        if (widths.length < 2) {
            throw new IllegalArgumentException("an architecture needs at least an input and an output width, got "
                    + Arrays.toString(widths));
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1 || widths[l] > MAX_WIDTH) {
                throw new IllegalArgumentException("width of layer " + l + " must be between 1 and " + MAX_WIDTH
                        + ", got " + widths[l] + " in " + Arrays.toString(widths));
            }
        }
        List<Skip> sorted = new ArrayList<>(skips);
        sorted.sort(Comparator.comparingInt(Skip::to).thenComparingInt(Skip::from));
        skipProblem(widths, sorted).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        sizeProblem(widths, sorted).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (slopes.length != widths.length - 2) {
            throw new IllegalArgumentException("need one slope per hidden layer (" + (widths.length - 2) + "), got "
                    + slopes.length);
        }
        for (int l = 0; l < slopes.length; l++) {
            if (!(slopes[l] == 0 || (slopes[l] > 0 && slopes[l] < 1))) {
                throw new IllegalArgumentException("slope of hidden layer " + (l + 1)
                        + " must be 0 (ReLU) or in (0,1) (leaky ReLU), got " + slopes[l]);
            }
        }
        int outputs = widths[widths.length - 1];
        if (head == OutputActivation.SOFTMAX && outputs < 2) {
            throw new IllegalArgumentException("a softmax output needs at least 2 outputs, got " + outputs
                    + "; use SIGMOID for a single binary output");
        }
        this.widths = widths.clone();
        this.slopes = slopes.clone();
        this.head = head;
        this.weightOffsets = new int[widths.length];
        int offset = 0;
        for (int l = 1; l < widths.length; l++) {
            weightOffsets[l] = offset;
            offset += widths[l] * widths[l - 1] + widths[l];
        }
        this.skips = List.copyOf(sorted);
        this.projectionOffsets = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Skip skip = sorted.get(i);
            projectionOffsets[i] = skip.projected() ? offset : -1;
            if (skip.projected()) {
                offset += widths[skip.to()] * widths[skip.from()];
            }
        }
        this.parameterCount = offset;
    }

    /**
     * What is wrong with {@code skips} on {@code widths}, if anything: a source that is not the input
     * or a hidden layer, a target that is not a later layer, an identity skip between layers of
     * different widths, or the same skip twice.
     */
    public static Optional<String> skipProblem(int[] widths, List<Skip> skips) {
        int layers = widths.length - 1;
        for (int i = 0; i < skips.size(); i++) {
            Skip skip = skips.get(i);
            if (skip.from() < 0 || skip.from() >= layers) {
                return Optional.of("skip " + skip + ": the source must be the input (0) or a hidden layer (1.."
                        + (layers - 1) + "), not " + (skip.from() == layers ? "the output" : "layer " + skip.from()));
            }
            if (skip.to() <= skip.from() || skip.to() > layers) {
                return Optional.of("skip " + skip + ": the target must be a layer after " + skip.from() + ", up to the "
                        + "output " + layers);
            }
            if (!skip.projected() && widths[skip.from()] != widths[skip.to()]) {
                return Optional.of("skip " + skip + ": an identity skip needs equal widths, got " + widths[skip.from()]
                        + " and " + widths[skip.to()] + "; use a projection");
            }
            for (int j = 0; j < i; j++) {
                if (skips.get(j).from() == skip.from() && skips.get(j).to() == skip.to()) {
                    return Optional.of("skip from layer " + skip.from() + " to layer " + skip.to() + " given twice");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What makes widths too large for sheaf4j's arithmetic, if anything: more than
     * {@link #MAX_PARAMETERS} parameters or more than {@link #MAX_STATE} state coordinates per sample.
     * The one size check shared by this class, the annotation processor and the file loader; widths
     * must each lie in 1 to {@link #MAX_WIDTH}.
     */
    public static Optional<String> sizeProblem(int[] widths) {
        return sizeProblem(widths, List.of());
    }

    /** {@link #sizeProblem(int[])} counting the projections of {@code skips} among the parameters. */
    public static Optional<String> sizeProblem(int[] widths, List<Skip> skips) {
        long parameters = 0;
        for (Skip skip : skips) {
            if (skip.projected() && skip.from() >= 0 && skip.to() < widths.length) {
                parameters += (long) widths[skip.to()] * widths[skip.from()];
            }
        }
        long state = widths.length == 0 ? 0 : widths[0];
        for (int l = 1; l < widths.length; l++) {
            parameters += (long) widths[l] * widths[l - 1] + widths[l];
            state += 2L * widths[l];
        }
        if (parameters > MAX_PARAMETERS) {
            return Optional.of("widths " + Arrays.toString(widths) + " need " + parameters
                    + " parameters, more than the limit of " + MAX_PARAMETERS + "; use narrower layers");
        }
        if (state > MAX_STATE) {
            return Optional.of("widths " + Arrays.toString(widths) + " need " + state
                    + " state coordinates per sample, more than the limit of " + MAX_STATE
                    + "; use fewer or narrower layers");
        }
        return Optional.empty();
    }

    /** A ReLU network with the given head and widths. */
    public static Architecture relu(OutputActivation head, int... widths) {
        return new Architecture(widths, new double[Math.max(0, widths.length - 2)], head);
    }

    /** A ReLU regression network (identity head) with the given widths. */
    public static Architecture relu(int... widths) {
        return relu(OutputActivation.IDENTITY, widths);
    }

    /** Number of hidden layers {@code k}. */
    public int hiddenLayers() {
        return widths.length - 2;
    }

    /** Number of weight layers {@code k + 1}. */
    public int layers() {
        return widths.length - 1;
    }

    /** Width {@code n_l}, {@code l = 0..k+1}. */
    public int width(int layer) {
        return widths[layer];
    }

    /** A copy of the widths. */
    public int[] widths() {
        return widths.clone();
    }

    /** Input width {@code n0}. */
    public int inputs() {
        return widths[0];
    }

    /** Output width {@code n(k+1)}. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Negative-side slope of hidden layer {@code l = 1..k}: 0 for ReLU. */
    public double slope(int layer) {
        return slopes[layer - 1];
    }

    /** The output map. */
    public OutputActivation head() {
        return head;
    }

    /** Whether the sheaf has an {@code a_out} vertex (the head is not the identity). */
    public boolean hasOutputVertex() {
        return head != OutputActivation.IDENTITY;
    }

    /** Offset of {@code W_l} in the flat parameter array, {@code l = 1..k+1}. */
    public int weightOffset(int layer) {
        return weightOffsets[layer];
    }

    /** Offset of {@code b_l} in the flat parameter array, {@code l = 1..k+1}. */
    public int biasOffset(int layer) {
        return weightOffsets[layer] + widths[layer] * widths[layer - 1];
    }

    /** Length of the flat parameter array: every layer's weights and biases, then the projections. */
    public int parameterCount() {
        return parameterCount;
    }

    /** The skip connections, sorted by target layer, then source layer; empty for a plain network. */
    public List<Skip> skips() {
        return skips;
    }

    /** Whether the network has skip connections. */
    public boolean residual() {
        return !skips.isEmpty();
    }

    /** Offset of the projection of skip {@code index} (in {@link #skips()}) in the flat parameters; -1 for an identity skip. */
    public int projectionOffset(int index) {
        return projectionOffsets[index];
    }

    /** This architecture with {@code skips} instead of its own. */
    public Architecture withSkips(List<Skip> skips) {
        return new Architecture(widths, slopes, head, skips);
    }

    /** The widths as text, e.g. {@code [2, 30, 1]}. */
    public String widthsText() {
        return Arrays.toString(widths);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture other && Arrays.equals(widths, other.widths)
                && Arrays.equals(slopes, other.slopes) && head == other.head && skips.equals(other.skips);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(widths), Arrays.hashCode(slopes), head, skips);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Arrays.toString(widths));
        for (int l = 1; l <= hiddenLayers(); l++) {
            if (slopes[l - 1] != 0) {
                s.append(" leaky(").append(l).append(")=").append(slopes[l - 1]);
            }
        }
        s.append(' ').append(head.name().toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < skips.size(); i++) {
            s.append(i == 0 ? ", skips " : ", ").append(skips.get(i));
        }
        return s.toString();
    }
}
