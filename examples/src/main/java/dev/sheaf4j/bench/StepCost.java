package dev.sheaf4j.bench;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

/**
 * What one step of a benchmarked operation must at least do: its exact number of floating-point
 * operations, and the bytes it must at least move (every stalk it reads once, every stalk it writes
 * once, the parameters, the targets), from which a rate can be held against the machine's peak flop
 * rate and bandwidth ({@link MachineLimits}).
 *
 * <p>Flops are counted from the formulas the kernels evaluate of each benchmarked operation, counted
 * from the formulas the kernels evaluate: an addition, subtraction or multiplication is one flop (a
 * fused multiply-add two); comparisons, maxima and copies are none; a ReLU mask costs nothing and a
 * leaky one a multiplication. The output edge of a sigmoid or softmax head is counted as if its map
 * were the identity, since its exponentials have no flop count.
 *
 * <p>Per sample, for layer {@code l} with {@code n = n_l} rows and {@code m = n_(l-1)} columns:
 * <ul>
 *   <li>forward: {@code W a + b} is {@code 2nm} flops (a multiply and an add per weight, the bias
 *       add included), a leaky activation {@code n} more;</li>
 *   <li>weight and activation discrepancies: the forward arithmetic, {@code n} subtractions of
 *       {@code z_l}, and {@code n} for each hidden activation residual;</li>
 *   <li>their forces: {@code W^T r} pulled back onto the input, {@code 2nm}, except onto the pinned
 *       {@code x}, which the kernels skip, and {@code r - m s} on each hidden {@code z}, {@code 2n};</li>
 *   <li>the output edge, where there is an {@code a_out}: its residual and its pull, {@code 2 n_out};</li>
 *   <li>the move {@code v += alpha dt f} of every free coordinate, 2 flops each (the input is pinned;
 *       a joint step leaves {@code a_out} alone);</li>
 *   <li>a joint step: {@code g = phi(z) - y} and its pull ({@code 2 n_out}), the weight and bias
 *       gradients {@code r a^T} and {@code r} summed over the batch ({@code 2nm + n}), and once per
 *       step the update of every parameter ({@code 2} each).</li>
 * </ul>
 * The pinned equilibrium is iterative and has no fixed count: both figures are 0 for it.
 *
 * @param flops floating-point operations per step
 * @param bytes bytes per step that no implementation can avoid reading or writing
 */
public record StepCost(long flops, long bytes) {
    /** The cost of one {@code operation} on {@code batch} samples of {@code arch}'s sheaf. */
    public static StepCost of(Architecture arch, KernelBenchmark.Operation operation, int batch) {
        SheafLayout layout = new SheafLayout(arch);
        long state = (long) layout.stateSize() * batch;
        long inputs = (long) arch.inputs() * batch;
        long outputs = (long) arch.outputs() * batch;
        long params = arch.parameterCount();
        long values = switch (operation) {
            case HARMONIC -> params + state;
            case EULER -> params + 2 * state - inputs;
            case TRAIN -> 2 * params + 2 * state - inputs + outputs
                    - (arch.hasOutputVertex() ? outputs : 0);
            case PINNED, PINNED_WARM -> 0;
        };
        return new StepCost(flops(arch, operation, batch), 8 * values);
    }

    private static long flops(Architecture arch, KernelBenchmark.Operation operation, int batch) {
        long hidden = hiddenCoordinates(arch);
        long outputVertex = arch.hasOutputVertex() ? arch.outputs() : 0;
        long linear = forwardPerSample(arch) + 2 * hidden + arch.outputs() + backwardPerSample(arch);
        long stalks = 2L * hidden + arch.outputs();
        return switch (operation) {
            case HARMONIC -> batch * forwardPerSample(arch);
            case EULER -> batch * (linear + 2 * outputVertex + 2 * (stalks + outputVertex));
            case TRAIN -> batch * (linear + 2L * arch.outputs() + 2 * stalks + gradientPerSample(arch))
                    + 2L * arch.parameterCount();
            case PINNED, PINNED_WARM -> 0;
        };
    }

    /** {@code W a + b} of every layer and the leaky activations. */
    private static long forwardPerSample(Architecture arch) {
        long flops = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            flops += 2L * arch.width(l) * arch.width(l - 1);
            if (l < arch.layers() && arch.slope(l) != 0) {
                flops += arch.width(l);
            }
        }
        return flops;
    }

    /** {@code W^T r} of every layer but the first (the input is pinned) and {@code r - m s} of every hidden layer. */
    private static long backwardPerSample(Architecture arch) {
        return 2 * hiddenCoordinates(arch) + gradientPerSample(arch) - biases(arch)
                - 2L * arch.width(1) * arch.width(0);
    }

    /** {@code r a^T} and {@code r} of every layer. */
    private static long gradientPerSample(Architecture arch) {
        long flops = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            flops += 2L * arch.width(l) * arch.width(l - 1) + arch.width(l);
        }
        return flops;
    }

    private static long biases(Architecture arch) {
        long count = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            count += arch.width(l);
        }
        return count;
    }

    /** The width of every hidden layer, summed. */
    private static long hiddenCoordinates(Architecture arch) {
        return biases(arch) - arch.outputs();
    }
}
