package dev.sheaf4j.solve;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.OutputMap;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The output edge of one sample's pinned problem under its {@link OutputTreatment}: the eliminated
 * {@code a_out}, the cross-entropy potential, the squared output edge and the curvature each adds
 * to the Newton system.
 */
final class OutputTerm {
    private final OutputTreatment treatment;
    private final Architecture arch;
    private final SheafLayout layout;
    private final PinSet pins;
    private final double[] target;

    /** The output term of {@code sample}: its {@code a_out} pins are the cross-entropy target. */
    OutputTerm(OutputTreatment treatment, SheafLayout layout, PinSet pins, int sample) {
        this.treatment = treatment;
        this.layout = layout;
        this.arch = layout.architecture();
        this.pins = pins;
        this.target = new double[arch.outputs()];
        sample(sample);
    }

    /** Makes this the output term of {@code sample}. */
    void sample(int sample) {
        if (treatment == OutputTreatment.CROSS_ENTROPY) {
            for (int h = 0; h < pins.hardCount(); h++) {
                int index = pins.hardIndex(h) - layout.outputVertexOffset();
                if (index >= 0) {
                    target[index] = pins.hardValue(h, sample);
                }
            }
        }
    }

    OutputTreatment treatment() {
        return treatment;
    }

    /** For a free classifier output, sets {@code a_out = phi(z_(k+1))}: the output edge carries nothing. */
    void eliminate(double[] v) {
        if (treatment == OutputTreatment.ELIMINATED) {
            OutputMap.apply(arch.head(), v, layout.preOffset(arch.layers()), v, layout.outputVertexOffset(),
                    arch.outputs(), 1);
        }
    }

    /** Whether the squared output edge is part of the energy. */
    boolean countsOutputEdge() {
        return treatment == OutputTreatment.OUTPUT_EDGE;
    }

    /** Writes the output edge's discrepancy {@code phi(z_(k+1)) - a_out} into {@code d} at {@code from}. */
    void outputEdge(double[] v, double[] d, int from) {
        OutputMap.apply(arch.head(), v, layout.preOffset(arch.layers()), d, from, arch.outputs(), 1);
        for (int i = 0; i < arch.outputs(); i++) {
            d[from + i] -= v[layout.outputVertexOffset() + i];
        }
    }

    /**
     * The cross-entropy potential of an output pinned in identity mode, 0 otherwise: {@code sum
     * softplus(z) - t.z} (sigmoid) or {@code logsumexp(z) - t.z} (softmax), gradient {@code p - t}.
     */
    double potential(double[] v) {
        if (treatment != OutputTreatment.CROSS_ENTROPY) {
            return 0;
        }
        int z = layout.preOffset(arch.layers());
        double u = 0;
        if (arch.head() == OutputActivation.SIGMOID) {
            for (int i = 0; i < arch.outputs(); i++) {
                double x = v[z + i];
                u += Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))) - target[i] * x;
            }
        } else {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < arch.outputs(); i++) {
                max = Math.max(max, v[z + i]);
            }
            double sum = 0;
            for (int i = 0; i < arch.outputs(); i++) {
                sum += Math.exp(v[z + i] - max);
                u -= target[i] * v[z + i];
            }
            u += max + Math.log(sum);
        }
        return u;
    }

    /**
     * The Hessian this term adds to the {@code z_(k+1)} block at {@code v}: the Jacobian {@code J} of the
     * output map for the cross-entropy potential, {@code J^T J} (Gauss-Newton) for the squared output
     * edge, null when there is none.
     */
    DMatrixRMaj hessian(double[] v) {
        if (treatment == OutputTreatment.CROSS_ENTROPY) {
            return jacobian(v);
        }
        if (treatment == OutputTreatment.OUTPUT_EDGE) {
            DMatrixRMaj j = jacobian(v);
            DMatrixRMaj hessian = new DMatrixRMaj(j.numCols, j.numCols);
            CommonOps_DDRM.multTransA(j, j, hessian);
            return hessian;
        }
        return null;
    }

    /** The coupling {@code -J} of {@code a_out} to {@code z_(k+1)} when {@code a_out} is solved for, else null. */
    DMatrixRMaj coupling(double[] v) {
        if (treatment != OutputTreatment.OUTPUT_EDGE) {
            return null;
        }
        DMatrixRMaj coupling = jacobian(v);
        CommonOps_DDRM.scale(-1.0, coupling);
        return coupling;
    }

    /** The Jacobian {@code J} of the output map at the state's {@code z_(k+1)}. */
    private DMatrixRMaj jacobian(double[] v) {
        int n = arch.outputs();
        double[] p = new double[n];
        OutputMap.apply(arch.head(), v, layout.preOffset(arch.layers()), p, 0, n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double value = arch.head() == OutputActivation.SIGMOID ? (a == b ? p[a] * (1 - p[a]) : 0)
                        : (a == b ? p[a] : 0) - p[a] * p[b];
                j.set(a, b, value);
            }
        }
        return j;
    }
}
