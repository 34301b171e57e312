package dev.sheaf4j.kernel;

import dev.sheaf4j.annotation.OutputActivation;

/**
 * The output map {@code phi} and its Jacobian on batches in {@code (coordinate, sample)} layout.
 * Shared by the generic kernel and generated kernels.
 */
public final class OutputMap {
    private OutputMap() {
    }

    /**
     * Writes {@code phi(z)} for {@code n} output coordinates of {@code batch} samples: {@code z} starts
     * at {@code z[zFrom]}, the result at {@code out[outFrom]}.
     */
    public static void apply(OutputActivation head, double[] z, int zFrom, double[] out, int outFrom, int n,
            int batch) {
        switch (head) {
            case IDENTITY -> System.arraycopy(z, zFrom, out, outFrom, n * batch);
            case SIGMOID -> {
                for (int i = 0; i < n * batch; i++) {
                    out[outFrom + i] = sigmoid(z[zFrom + i]);
                }
            }
            case SOFTMAX -> {
                for (int s = 0; s < batch; s++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        max = Math.max(max, z[zFrom + i * batch + s]);
                    }
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        double e = Math.exp(z[zFrom + i * batch + s] - max);
                        out[outFrom + i * batch + s] = e;
                        sum += e;
                    }
                    for (int i = 0; i < n; i++) {
                        out[outFrom + i * batch + s] /= sum;
                    }
                }
            }
            default -> throw new IllegalStateException("unknown output activation " + head);
        }
    }

    /**
     * Subtracts {@code J_phi^T o} from {@code force}, given {@code p = phi(z)}: for the sigmoid
     * {@code p(1-p) o}, for the softmax {@code p * o - p (p . o)} per sample.
     */
    public static void subtractJacobianTranspose(OutputActivation head, double[] p, double[] o, int oFrom,
            double[] force, int forceFrom, int n, int batch) {
        switch (head) {
            case IDENTITY -> {
                for (int i = 0; i < n * batch; i++) {
                    force[forceFrom + i] -= o[oFrom + i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n * batch; i++) {
                    force[forceFrom + i] -= p[i] * (1 - p[i]) * o[oFrom + i];
                }
            }
            case SOFTMAX -> {
                for (int s = 0; s < batch; s++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += p[i * batch + s] * o[oFrom + i * batch + s];
                    }
                    for (int i = 0; i < n; i++) {
                        int k = i * batch + s;
                        force[forceFrom + k] -= p[k] * (o[oFrom + k] - dot);
                    }
                }
            }
            default -> throw new IllegalStateException("unknown output activation " + head);
        }
    }

    /** The logistic function, evaluated without overflow for large {@code |z|}. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
