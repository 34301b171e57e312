package dev.sheaf4j.train;

import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.parallel.SplitForward;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;

/** Forward passes of a whole dataset, and the loss and accuracy of their outputs. */
public final class Predictions {
    private Predictions() {
    }

    /** A state holding {@code data}'s inputs in {@code x} for every sample, other stalks zero. */
    public static double[] stateWithInputs(SheafLayout layout, Dataset data) {
        int n = data.size();
        if (data.inputDimension() != layout.architecture().inputs()) {
            throw new IllegalArgumentException("the data has " + data.inputDimension() + " inputs, the network "
                    + layout.architecture() + " takes " + layout.architecture().inputs());
        }
        double[] state = new double[layout.stateLength(n)];
        System.arraycopy(data.inputs(), 0, state, 0, data.inputDimension() * n);
        return state;
    }

    /**
     * The network's outputs {@code y_hat} on every sample of {@code data}, {@code (output, sample)}.
     *
     * @throws NonFiniteException if the forward pass overflows, naming the first such vertex and sample
     */
    public static double[] outputs(SheafKernel kernel, double[] params, Dataset data) {
        SheafLayout layout = kernel.layout();
        double[] state = stateWithInputs(layout, data);
        SplitForward.forward(kernel, params, state, data.size());
        FiniteCheck.state("the forward pass", layout, state, data.size(),
                "the inputs or the weights are too large for double precision");
        return outputsOf(layout, state, data.size());
    }

    /** The outputs held in a forward-passed {@code state}: {@code a_out}, or {@code z_(k+1)} for an identity head. */
    static double[] outputsOf(SheafLayout layout, double[] state, int n) {
        Architecture arch = layout.architecture();
        int from = arch.hasOutputVertex() ? layout.outputVertexOffset() : layout.preOffset(arch.layers());
        double[] out = new double[arch.outputs() * n];
        System.arraycopy(state, from * n, out, 0, out.length);
        return out;
    }

    /**
     * The loss of the network on {@code data}.
     *
     * @throws NonFiniteException if the forward pass or the loss overflows, naming the first such sample
     */
    public static double loss(SheafKernel kernel, double[] params, Dataset data) {
        Architecture arch = kernel.layout().architecture();
        double[] outputs = outputs(kernel, params, data);
        double loss = Loss.of(arch.head(), outputs, data.targets(), arch.outputs(), data.size());
        if (!Double.isFinite(loss)) {
            for (int s = 0; s < data.size(); s++) {
                double[] output = column(outputs, s, arch.outputs(), data.size());
                if (!Double.isFinite(Loss.of(arch.head(), output, data.target(s), arch.outputs(), 1))) {
                    throw new NonFiniteException("the loss is not finite at sample " + s + ": its output "
                            + Arrays.toString(output) + " against the target " + Arrays.toString(data.target(s))
                            + " overflows");
                }
            }
            throw new NonFiniteException("the loss is not finite: the sum over " + data.size() + " samples overflows");
        }
        return loss;
    }

    /** Sample {@code s} of {@code (dimension, sample)} values. */
    private static double[] column(double[] values, int s, int dimension, int n) {
        double[] column = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            column[j] = values[j * n + s];
        }
        return column;
    }

    /** The accuracy of the network on {@code data} (for classifiers). */
    public static double accuracy(SheafKernel kernel, double[] params, Dataset data) {
        Architecture arch = kernel.layout().architecture();
        return Loss.accuracy(outputs(kernel, params, data), data.targets(), arch.outputs(), data.size());
    }
}
