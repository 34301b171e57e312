package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;

/**
 * The {@link SheafKernel} for any architecture: each layer's edges run through {@link LayerLoops},
 * whose innermost index runs over the samples of a batch. The reference that generated kernels are
 * tested against.
 */
public final class GenericKernel extends AbstractSheafKernel {
    private final SheafLayout layout;
    private final Architecture architecture;
    private final int inputs;

    /** A kernel for {@code layout}'s sheaf. */
    public GenericKernel(SheafLayout layout) {
        super(layout);
        this.layout = layout;
        this.architecture = layout.architecture();
        this.inputs = architecture.inputs();
    }

    /** A kernel for {@code architecture}'s sheaf. */
    public GenericKernel(Architecture architecture) {
        this(new SheafLayout(architecture));
    }

    @Override
    public void forward(double[] params, double[] state, int batch) {
        int layers = architecture.layers();
        for (int l = 1; l <= layers; l++) {
            int z = layout.preOffset(l) * batch;
            LayerLoops.affine(params, architecture.weightOffset(l), architecture.biasOffset(l), architecture.width(l),
                    architecture.width(l - 1), state, layout.postOffset(l - 1) * batch, state, z, batch);
            if (l < layers) {
                LayerLoops.activate(state, z, layout.postOffset(l) * batch, architecture.width(l) * batch,
                        architecture.slope(l));
            } else if (architecture.hasOutputVertex()) {
                OutputMap.apply(architecture.head(), state, z, state, layout.outputVertexOffset() * batch,
                        architecture.outputs(), batch);
            }
        }
    }

    @Override
    protected void linearDiscrepancies(double[] params, double[] state, int batch, double[] out) {
        int shift = inputs * batch;
        for (int l = 1; l <= architecture.layers(); l++) {
            int z = layout.preOffset(l) * batch;
            LayerLoops.residual(params, architecture.weightOffset(l), architecture.biasOffset(l), architecture.width(l),
                    architecture.width(l - 1), state, layout.postOffset(l - 1) * batch, z, out, z - shift, batch);
            if (l < architecture.layers()) {
                int a = layout.postOffset(l) * batch;
                LayerLoops.activationResidual(state, z, a, out, a - shift, architecture.width(l) * batch,
                        architecture.slope(l));
            }
        }
    }

    @Override
    protected void linearForces(double[] params, double[] state, int batch, double[] d, double[] out) {
        int shift = inputs * batch;
        Arrays.fill(out, 0, shift, 0.0);
        int layers = architecture.layers();
        for (int l = 1; l <= layers; l++) {
            int z = layout.preOffset(l) * batch;
            if (l < layers) {
                int a = layout.postOffset(l) * batch;
                LayerLoops.activationForces(state, z, a, d, z - shift, a - shift, out, architecture.width(l) * batch,
                        architecture.slope(l));
            } else {
                System.arraycopy(d, z - shift, out, z, architecture.width(l) * batch);
            }
            LayerLoops.pullBack(params, architecture.weightOffset(l), architecture.width(l), architecture.width(l - 1),
                    d, z - shift, out, layout.postOffset(l - 1) * batch, batch);
        }
    }

    @Override
    protected void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt) {
        for (int l = 1; l <= architecture.layers(); l++) {
            LayerLoops.descend(params, architecture.weightOffset(l), architecture.biasOffset(l), architecture.width(l),
                    architecture.width(l - 1), d, (layout.preOffset(l) - inputs) * batch, state,
                    layout.postOffset(l - 1) * batch, batch, betaDt);
        }
    }
}
