package dev.sheaf4j.bench;

import dev.sheaf4j.kernel.AbstractSheafKernel;
import dev.sheaf4j.kernel.HiddenActivation;
import dev.sheaf4j.kernel.Routing;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The benchmarks' dense baseline: the same kernel contract written the straightforward way with
 * EJML matrices. Each layer's weights and each stalk block of the batch are copied into
 * {@code DMatrixRMaj}s ({@code n x batch}), multiplied with {@code CommonOps_DDRM}, and copied back.
 * Its steps run the flat route at every batch size. Plain networks only: it refuses skip connections.
 */
public final class EjmlKernel extends AbstractSheafKernel {
    private final SheafLayout layout;
    private final Architecture arch;
    private final int inputs;

    /**
     * A dense kernel for {@code architecture}'s sheaf.
     *
     * @throws IllegalArgumentException if the architecture has skip connections
     */
    public EjmlKernel(Architecture architecture) {
        this(new SheafLayout(plain(architecture)));
    }

    private static Architecture plain(Architecture architecture) {
        if (architecture.residual()) {
            throw new IllegalArgumentException("the EJML baseline kernel has no skip connections; use the generic"
                    + " kernel for " + architecture);
        }
        return architecture;
    }

    private EjmlKernel(SheafLayout layout) {
        super(layout, Routing.StepRoute.FLAT);
        this.layout = layout;
        this.arch = layout.architecture();
        this.inputs = arch.inputs();
    }

    private DMatrixRMaj weights(double[] params, int l) {
        DMatrixRMaj w = new DMatrixRMaj(arch.width(l), arch.width(l - 1));
        System.arraycopy(params, arch.weightOffset(l), w.data, 0, w.data.length);
        return w;
    }

    private static DMatrixRMaj block(double[] array, int offset, int rows, int batch) {
        DMatrixRMaj m = new DMatrixRMaj(rows, batch);
        System.arraycopy(array, offset, m.data, 0, rows * batch);
        return m;
    }

    private static void store(DMatrixRMaj m, double[] array, int offset) {
        System.arraycopy(m.data, 0, array, offset, m.data.length);
    }

    /** {@code W_l a_(l-1) + b_l} for the batch. */
    private DMatrixRMaj affine(double[] params, double[] state, int l, int batch) {
        DMatrixRMaj a = block(state, layout.postOffset(l - 1) * batch, arch.width(l - 1), batch);
        DMatrixRMaj z = new DMatrixRMaj(arch.width(l), batch);
        CommonOps_DDRM.mult(weights(params, l), a, z);
        for (int i = 0; i < z.numRows; i++) {
            double b = params[arch.biasOffset(l) + i];
            for (int s = 0; s < batch; s++) {
                z.add(i, s, b);
            }
        }
        return z;
    }

    @Override
    public void forward(double[] params, double[] state, int batch) {
        for (int l = 1; l <= arch.layers(); l++) {
            DMatrixRMaj z = affine(params, state, l, batch);
            store(z, state, layout.preOffset(l) * batch);
            if (l < arch.layers()) {
                for (int i = 0; i < z.data.length; i++) {
                    z.data[i] = HiddenActivation.value(z.data[i], arch.slope(l));
                }
                store(z, state, layout.postOffset(l) * batch);
            } else if (arch.hasOutputVertex()) {
                dev.sheaf4j.kernel.OutputMap.apply(arch.head(), state, layout.preOffset(l) * batch, state,
                        layout.outputVertexOffset() * batch, arch.outputs(), batch);
            }
        }
    }

    @Override
    protected void linearDiscrepancies(double[] params, double[] state, int batch, double[] out) {
        for (int l = 1; l <= arch.layers(); l++) {
            int n = arch.width(l);
            DMatrixRMaj r = affine(params, state, l, batch);
            CommonOps_DDRM.subtractEquals(r, block(state, layout.preOffset(l) * batch, n, batch));
            store(r, out, (layout.preOffset(l) - inputs) * batch);
            if (l < arch.layers()) {
                DMatrixRMaj z = block(state, layout.preOffset(l) * batch, n, batch);
                DMatrixRMaj a = block(state, layout.postOffset(l) * batch, n, batch);
                for (int i = 0; i < z.data.length; i++) {
                    z.data[i] = HiddenActivation.value(z.data[i], arch.slope(l)) - a.data[i];
                }
                store(z, out, (layout.postOffset(l) - inputs) * batch);
            }
        }
    }

    @Override
    protected void linearForces(double[] params, double[] state, int batch, double[] d, double[] out) {
        for (int l = 1; l <= arch.layers(); l++) {
            int n = arch.width(l);
            DMatrixRMaj r = block(d, (layout.preOffset(l) - inputs) * batch, n, batch);
            DMatrixRMaj fz = r.copy();
            if (l < arch.layers()) {
                DMatrixRMaj s = block(d, (layout.postOffset(l) - inputs) * batch, n, batch);
                DMatrixRMaj z = block(state, layout.preOffset(l) * batch, n, batch);
                for (int i = 0; i < fz.data.length; i++) {
                    fz.data[i] -= HiddenActivation.mask(z.data[i], arch.slope(l)) * s.data[i];
                }
            }
            store(fz, out, layout.preOffset(l) * batch);
            // the force on the edge's input: its own activation edge's s (none for x) less W_l^T r_l
            int cols = arch.width(l - 1);
            DMatrixRMaj pull = new DMatrixRMaj(cols, batch);
            CommonOps_DDRM.multTransA(weights(params, l), r, pull);
            DMatrixRMaj fa = l == 1 ? new DMatrixRMaj(cols, batch)
                    : block(d, (layout.postOffset(l - 1) - inputs) * batch, cols, batch);
            CommonOps_DDRM.subtractEquals(fa, pull);
            store(fa, out, layout.postOffset(l - 1) * batch);
        }
    }

    @Override
    protected void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt) {
        for (int l = 1; l <= arch.layers(); l++) {
            int n = arch.width(l);
            DMatrixRMaj r = block(d, (layout.preOffset(l) - inputs) * batch, n, batch);
            DMatrixRMaj a = block(state, layout.postOffset(l - 1) * batch, arch.width(l - 1), batch);
            DMatrixRMaj gradient = new DMatrixRMaj(n, arch.width(l - 1));
            CommonOps_DDRM.multTransB(r, a, gradient);
            for (int k = 0; k < gradient.data.length; k++) {
                params[arch.weightOffset(l) + k] -= betaDt * gradient.data[k];
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int s = 0; s < batch; s++) {
                    sum += r.get(i, s);
                }
                params[arch.biasOffset(l) + i] -= betaDt * sum;
            }
        }
    }
}
