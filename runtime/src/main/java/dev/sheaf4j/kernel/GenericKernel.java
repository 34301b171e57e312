package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Objects;

/**
 * The {@link SheafKernel} for any architecture, with plain loops whose innermost index runs over
 * the samples of a batch. The reference that generated kernels are tested against.
 */
public final class GenericKernel implements SheafKernel {
    private final SheafLayout layout;
    private final Architecture architecture;
    private final int inputs;

    /** A kernel for {@code layout}'s sheaf. */
    public GenericKernel(SheafLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.architecture = layout.architecture();
        this.inputs = architecture.inputs();
    }

    /** A kernel for {@code architecture}'s sheaf. */
    public GenericKernel(Architecture architecture) {
        this(new SheafLayout(architecture));
    }

    @Override
    public SheafLayout layout() {
        return layout;
    }

    @Override
    public void forward(double[] params, double[] state, int batch) {
        int layers = architecture.layers();
        for (int l = 1; l <= layers; l++) {
            int z = layout.preOffset(l) * batch;
            affine(params, l, state, layout.postOffset(l - 1) * batch, state, z, batch);
            int n = architecture.width(l) * batch;
            if (l < layers) {
                int a = layout.postOffset(l) * batch;
                double slope = architecture.slope(l);
                for (int i = 0; i < n; i++) {
                    double v = state[z + i];
                    state[a + i] = v >= 0 ? v : slope * v;
                }
            } else if (architecture.hasOutputVertex()) {
                OutputMap.apply(architecture.head(), state, z, state, layout.outputVertexOffset() * batch,
                        architecture.outputs(), batch);
            }
        }
    }

    /** {@code dst[to..] = W_l src[from..] + b_l} over the batch. */
    private void affine(double[] params, int l, double[] src, int from, double[] dst, int to, int batch) {
        int rows = architecture.width(l);
        int cols = architecture.width(l - 1);
        int w = architecture.weightOffset(l);
        int b = architecture.biasOffset(l);
        for (int i = 0; i < rows; i++) {
            int row = to + i * batch;
            double bias = params[b + i];
            for (int s = 0; s < batch; s++) {
                dst[row + s] = bias;
            }
            for (int j = 0; j < cols; j++) {
                double wij = params[w + i * cols + j];
                int col = from + j * batch;
                for (int s = 0; s < batch; s++) {
                    dst[row + s] += wij * src[col + s];
                }
            }
        }
    }

    @Override
    public void discrepancies(double[] params, double[] state, int batch, double[] out) {
        int layers = architecture.layers();
        for (int l = 1; l <= layers; l++) {
            int z = layout.preOffset(l) * batch;
            int r = z - inputs * batch;
            affine(params, l, state, layout.postOffset(l - 1) * batch, out, r, batch);
            int n = architecture.width(l) * batch;
            for (int i = 0; i < n; i++) {
                out[r + i] -= state[z + i];
            }
            if (l < layers) {
                int a = layout.postOffset(l) * batch;
                int s = a - inputs * batch;
                double slope = architecture.slope(l);
                for (int i = 0; i < n; i++) {
                    double v = state[z + i];
                    out[s + i] = (v >= 0 ? v : slope * v) - state[a + i];
                }
            }
        }
        if (architecture.hasOutputVertex()) {
            int a = layout.outputVertexOffset() * batch;
            int o = a - inputs * batch;
            int n = architecture.outputs();
            OutputMap.apply(architecture.head(), state, layout.preOffset(layers) * batch, out, o, n, batch);
            for (int i = 0; i < n * batch; i++) {
                out[o + i] -= state[a + i];
            }
        }
    }

    @Override
    public void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace, double[] out) {
        int batch = workspace.batch();
        double[] d = workspace.discrepancy();
        discrepancies(params, state, batch, d);
        int shift = inputs * batch;
        java.util.Arrays.fill(out, 0, shift, 0.0);
        int layers = architecture.layers();
        for (int l = 1; l <= layers; l++) {
            int z = layout.preOffset(l) * batch;
            int n = architecture.width(l) * batch;
            System.arraycopy(d, z - shift, out, z, n);
            if (l < layers) {
                int a = layout.postOffset(l) * batch;
                double slope = architecture.slope(l);
                for (int i = 0; i < n; i++) {
                    double s = d[a - shift + i];
                    double m = state[z + i] >= 0 ? 1.0 : slope;
                    out[z + i] -= m * s;
                    out[a + i] = s;
                }
            }
            subtractTransposed(params, l, d, z - shift, out, layout.postOffset(l - 1) * batch, batch);
        }
        if (architecture.hasOutputVertex()) {
            int a = layout.outputVertexOffset() * batch;
            int z = layout.preOffset(layers) * batch;
            int n = architecture.outputs();
            System.arraycopy(d, a - shift, out, a, n * batch);
            if (mode == OutputEdgeMode.JACOBIAN) {
                double[] p = workspace.outputValues();
                OutputMap.apply(architecture.head(), state, z, p, 0, n, batch);
                OutputMap.subtractJacobianTranspose(architecture.head(), p, d, a - shift, out, z, n, batch);
            } else {
                for (int i = 0; i < n * batch; i++) {
                    out[z + i] -= d[a - shift + i];
                }
            }
        }
    }

    /** {@code dst[to..] -= W_l^T r[from..]} over the batch. */
    private void subtractTransposed(double[] params, int l, double[] r, int from, double[] dst, int to, int batch) {
        int rows = architecture.width(l);
        int cols = architecture.width(l - 1);
        int w = architecture.weightOffset(l);
        for (int i = 0; i < rows; i++) {
            int row = from + i * batch;
            for (int j = 0; j < cols; j++) {
                double wij = params[w + i * cols + j];
                int col = to + j * batch;
                for (int s = 0; s < batch; s++) {
                    dst[col + s] -= wij * r[row + s];
                }
            }
        }
    }

    @Override
    public double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        int batch = workspace.batch();
        double[] f = workspace.force();
        forces(params, state, mode, workspace, f);
        pins.addSoftForces(state, f);
        double maxChange = 0;
        int size = layout.stateSize();
        for (int c = 0; c < size; c++) {
            if (pins.isFixed(c)) {
                continue;
            }
            int base = c * batch;
            for (int s = 0; s < batch; s++) {
                double change = alphaDt * f[base + s];
                state[base + s] += change;
                maxChange = Math.max(maxChange, Math.abs(change));
            }
        }
        return maxChange;
    }
}
