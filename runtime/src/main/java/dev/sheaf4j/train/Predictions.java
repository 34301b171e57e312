package dev.sheaf4j.train;

import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;

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
        double[] state = new double[layout.stateSize() * n];
        System.arraycopy(data.inputs(), 0, state, 0, data.inputDimension() * n);
        return state;
    }

    /** The network's outputs {@code y_hat} on every sample of {@code data}, {@code (output, sample)}. */
    public static double[] outputs(SheafKernel kernel, double[] params, Dataset data) {
        SheafLayout layout = kernel.layout();
        double[] state = stateWithInputs(layout, data);
        kernel.forward(params, state, data.size());
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

    /** The loss of the network on {@code data}. */
    public static double loss(SheafKernel kernel, double[] params, Dataset data) {
        Architecture arch = kernel.layout().architecture();
        return Loss.of(arch.head(), outputs(kernel, params, data), data.targets(), arch.outputs(), data.size());
    }

    /** The accuracy of the network on {@code data} (for classifiers). */
    public static double accuracy(SheafKernel kernel, double[] params, Dataset data) {
        Architecture arch = kernel.layout().architecture();
        return Loss.accuracy(outputs(kernel, params, data), data.targets(), arch.outputs(), data.size());
    }
}
