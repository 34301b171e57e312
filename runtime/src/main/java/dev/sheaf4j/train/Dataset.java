package dev.sheaf4j.train;

import dev.sheaf4j.internal.Require;
import java.util.Arrays;

/**
 * Inputs and targets of a supervised task in {@code (dimension, sample)} layout: feature {@code j}
 * of sample {@code s} at {@code j * size + s}. Immutable (arrays are copied in and out).
 */
public final class Dataset {
    private final int size;
    private final int inputDimension;
    private final int targetDimension;
    private final double[] inputs;
    private final double[] targets;

    /**
     * @param inputs {@code inputDimension * size} values, all finite
     * @param targets {@code targetDimension * size} values, all finite
     */
    public Dataset(int size, int inputDimension, int targetDimension, double[] inputs, double[] targets) {
        this.size = Require.atLeastOne(size, "number of samples");
        this.inputDimension = Require.atLeastOne(inputDimension, "input dimension");
        this.targetDimension = Require.atLeastOne(targetDimension, "target dimension");
        this.inputs = Require.allFinite(Require.length(inputs, length(inputDimension, size, "inputs"), "inputs")
                .clone(), "inputs");
        this.targets = Require.allFinite(Require.length(targets, length(targetDimension, size, "targets"),
                "targets").clone(), "targets");
    }

    /** A dataset from rows: {@code inputs[s]} and {@code targets[s]} for each sample {@code s}. */
    public static Dataset ofRows(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length || inputs.length == 0) {
            throw new IllegalArgumentException("need as many target rows as input rows, at least one: got "
                    + inputs.length + " and " + targets.length);
        }
        int n = inputs.length;
        int di = inputs[0].length;
        int dt = targets[0].length;
        double[] x = new double[length(di, n, "inputs")];
        double[] y = new double[length(dt, n, "targets")];
        for (int s = 0; s < n; s++) {
            Require.length(inputs[s], di, "input row " + s);
            Require.length(targets[s], dt, "target row " + s);
            for (int j = 0; j < di; j++) {
                x[j * n + s] = inputs[s][j];
            }
            for (int j = 0; j < dt; j++) {
                y[j * n + s] = targets[s][j];
            }
        }
        return new Dataset(n, di, dt, x, y);
    }

    private static int length(int dimension, int samples, String what) {
        return Require.arrayLength(dimension, samples, "the " + what + " of " + samples + " samples",
                "use fewer samples");
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Number of input features. */
    public int inputDimension() {
        return inputDimension;
    }

    /** Number of target values per sample. */
    public int targetDimension() {
        return targetDimension;
    }

    /** A copy of the inputs, {@code (dimension, sample)}. */
    public double[] inputs() {
        return inputs.clone();
    }

    /** A copy of the targets, {@code (dimension, sample)}. */
    public double[] targets() {
        return targets.clone();
    }

    /** The inputs of sample {@code s}. */
    public double[] input(int s) {
        double[] x = new double[inputDimension];
        for (int j = 0; j < inputDimension; j++) {
            x[j] = inputs[j * size + s];
        }
        return x;
    }

    /** The targets of sample {@code s}. */
    public double[] target(int s) {
        double[] y = new double[targetDimension];
        for (int j = 0; j < targetDimension; j++) {
            y[j] = targets[j * size + s];
        }
        return y;
    }

    /** The samples at {@code indices}, in that order. */
    public Dataset select(int[] indices) {
        int n = indices.length;
        double[] x = new double[length(inputDimension, n, "inputs")];
        double[] y = new double[length(targetDimension, n, "targets")];
        for (int k = 0; k < n; k++) {
            int s = indices[k];
            for (int j = 0; j < inputDimension; j++) {
                x[j * n + k] = inputs[j * size + s];
            }
            for (int j = 0; j < targetDimension; j++) {
                y[j * n + k] = targets[j * size + s];
            }
        }
        return new Dataset(n, inputDimension, targetDimension, x, y);
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " samples, " + inputDimension + " -> " + targetDimension + ", first input "
                + Arrays.toString(input(0)) + "]";
    }
}
