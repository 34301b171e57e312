package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link SheafKernel} for any architecture: each layer's edges run through {@link LayerLoops}
 * on the flat arrays and, through the base class, {@code TilePass} on a tile; innermost loops run over
 * the samples.
 * The reference that generated kernels are tested against.
 */
public final class GenericKernel extends AbstractSheafKernel {
    private final SheafLayout layout;
    private final Architecture architecture;
    private final List<LayerSpan> spans;
    private final List<List<SkipSpan>> skipsInto;

    /** A kernel for {@code layout}'s sheaf. */
    public GenericKernel(SheafLayout layout) {
        super(layout);
        this.layout = layout;
        this.architecture = layout.architecture();
        this.spans = LayerSpan.of(layout);
        this.skipsInto = SkipSpan.byTarget(layout);
    }

    /** A kernel for {@code architecture}'s sheaf. */
    public GenericKernel(Architecture architecture) {
        this(new SheafLayout(architecture));
    }

    @Override
    public void forward(double[] params, double[] state, int batch) {
        for (LayerSpan l : spans) {
            int z = l.pre() * batch;
            LayerLoops.affine(params, l.weights(), l.biases(), l.rows(), l.cols(), state, l.input() * batch, state, z,
                    batch);
            for (SkipSpan skip : skips(l)) {
                skip.addTerm(params, state, state, z, batch);
            }
            if (l.hidden()) {
                LayerLoops.activate(state, z, l.post() * batch, l.rows() * batch, l.slope());
            } else if (architecture.hasOutputVertex()) {
                OutputMap.apply(architecture.head(), state, z, state, layout.outputVertexOffset() * batch,
                        architecture.outputs(), batch);
            }
        }
    }

    @Override
    protected void linearDiscrepancies(double[] params, double[] state, int batch, double[] out) {
        for (LayerSpan l : spans) {
            LayerLoops.residual(params, l.weights(), l.biases(), l.rows(), l.cols(), state, l.input() * batch,
                    l.pre() * batch, out, l.residual() * batch, batch);
            for (SkipSpan skip : skips(l)) {
                skip.addTerm(params, state, out, l.residual() * batch, batch);
            }
            if (l.hidden()) {
                LayerLoops.activationResidual(state, l.pre() * batch, l.post() * batch, out,
                        l.activationResidual() * batch, l.rows() * batch, l.slope());
            }
        }
    }

    @Override
    protected void linearForces(double[] params, double[] state, int batch, double[] d, double[] out) {
        Arrays.fill(out, 0, architecture.inputs() * batch, 0.0);
        for (LayerSpan l : spans) {
            int z = l.pre() * batch;
            if (l.hidden()) {
                LayerLoops.activationForces(state, z, l.post() * batch, d, l.residual() * batch,
                        l.activationResidual() * batch, out, l.rows() * batch, l.slope());
            } else {
                System.arraycopy(d, l.residual() * batch, out, z, l.rows() * batch);
            }
            LayerLoops.pullBack(params, l.weights(), l.rows(), l.cols(), d, l.residual() * batch, out,
                    l.input() * batch, batch);
            for (SkipSpan skip : skips(l)) {
                skip.pullBack(params, d, out, batch);
            }
        }
    }

    @Override
    protected void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt) {
        for (LayerSpan l : spans) {
            LayerLoops.descend(params, l.weights(), l.biases(), l.rows(), l.cols(), d, l.residual() * batch, state,
                    l.input() * batch, batch, betaDt);
            for (SkipSpan skip : skips(l)) {
                skip.descend(params, d, state, batch, betaDt);
            }
        }
    }

    /** The skips into layer {@code l}. */
    private List<SkipSpan> skips(LayerSpan l) {
        return skipsInto.get(l.layer() - 1);
    }
}
