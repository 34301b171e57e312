package dev.sheaf4j.kernel;

import dev.sheaf4j.kernel.Routing.StepRoute;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The part of a {@link SheafKernel} that is the same for every architecture. A concrete kernel
 * supplies the forward pass and the primitives of the weight and activation edges on the flat
 * arrays (their discrepancies, their forces, the weight descent step); the primitives on a
 * {@link Tile} (discrepancies and forces in one pass, the weight gradient) are {@link TilePass}'s,
 * with sizes read at run time, unless a kernel overrides them with constant sizes, as generated
 * kernels do. Each step runs the strategy of its route in the {@link Routing} table:
 * {@code FlatSteps} through the flat primitives, {@code TileSteps} through the tile primitives.
 */
public abstract class AbstractSheafKernel implements SheafKernel {
    private final SheafLayout layout;
    private final OutputEdge output;
    private final IntFunction<StepRoute> routing;
    private final StepStrategy flat;
    private final StepStrategy tiles;
    private final TilePass tilePass;

    /** A kernel for {@code layout}'s sheaf, each step on the route {@link Routing#step} gives it. */
    protected AbstractSheafKernel(SheafLayout layout) {
        this(layout, batch -> Routing.step(layout.architecture(), batch));
    }

    /**
     * A kernel for {@code layout}'s sheaf whose steps take {@code route} at every batch size: for
     * baselines timed against the routed kernels.
     */
    protected AbstractSheafKernel(SheafLayout layout, StepRoute route) {
        this(layout, fixedRoute(layout, route));
    }

    private static IntFunction<StepRoute> fixedRoute(SheafLayout layout, StepRoute route) {
        Objects.requireNonNull(route, "route");
        if (route == StepRoute.TILES && layout.architecture().residual()) {
            throw new IllegalArgumentException("the tiled steps do not carry skip connections; "
                    + layout.architecture() + " steps on the flat arrays");
        }
        return batch -> route;
    }

    private AbstractSheafKernel(SheafLayout layout, IntFunction<StepRoute> routing) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.output = new OutputEdge(layout);
        this.routing = routing;
        this.flat = new FlatSteps(this, output);
        this.tiles = new TileSteps(this, output);
        this.tilePass = new TilePass(layout);
    }

    @Override
    public final SheafLayout layout() {
        return layout;
    }

    /** Writes {@code r_l} and {@code s_l} of every weight and activation edge into {@code out}. */
    protected abstract void linearDiscrepancies(double[] params, double[] state, int batch, double[] out);

    /**
     * Writes minus the gradient of the weight and activation edges' energy, given their
     * discrepancies {@code d}, into {@code out} at every coordinate from {@code x} to
     * {@code z_(k+1)} ({@code a_out}, if present, is left alone). Like {@link #descendWeights}, runs
     * only on the {@link StepRoute#FLAT} route.
     */
    protected abstract void linearForces(double[] params, double[] state, int batch, double[] d, double[] out);

    /** {@code W_l -= betaDt sum_s r_l a_(l-1)^T} and {@code b_l -= betaDt sum_s r_l}, given the discrepancies {@code d}. */
    protected abstract void descendWeights(double[] params, double[] state, int batch, double[] d, double betaDt);

    /**
     * Writes {@code r_l} and {@code s_l} of every weight and activation edge of the tile's samples
     * into {@code tile.discrepancy()}, from {@code tile.state()}, and minus the gradient of those
     * edges' energy into {@code tile.force()} at every coordinate from {@code a_1} to {@code z_(k+1)},
     * and on {@code x} too if {@code inputForces} (a step whose pins fix {@code x} skips the first
     * layer's pull on it).
     */
    protected void tileEdges(double[] params, Tile tile, boolean inputForces) {
        tilePass.edges(params, tile, inputForces);
    }

    /**
     * Adds {@code sum_s r_l a_(l-1)^T} and {@code sum_s r_l} over the tile's samples, from
     * {@code tile.discrepancy()} and {@code tile.state()}, to {@code gradient}, for every layer: row
     * {@code k} of {@code gradient}, for the residual coordinate {@code k} of row {@code i} of
     * {@code W_l}, holds that row's weights and then its bias.
     */
    protected void tileGradient(double[][] gradient, Tile tile) {
        tilePass.gradient(gradient, tile);
    }

    /** The strategy of the route the table gives a step on {@code workspace}'s batch. */
    private StepStrategy steps(Workspace workspace) {
        return switch (routing.apply(workspace.batch())) {
            case FLAT -> flat;
            case TILES -> tiles;
        };
    }

    @Override
    public final void discrepancies(double[] params, double[] state, int batch, double[] out) {
        linearDiscrepancies(params, state, batch, out);
        output.discrepancy(state, batch, out);
    }

    @Override
    public final void forces(double[] params, double[] state, OutputEdgeMode mode, Workspace workspace,
            double[] out) {
        steps(workspace).forces(params, state, mode, workspace, out);
    }

    @Override
    public final double eulerStep(double[] params, double[] state, double alphaDt, OutputEdgeMode mode, PinSet pins,
            Workspace workspace) {
        return steps(workspace).eulerStep(params, state, alphaDt, mode, pins, workspace);
    }

    @Override
    public final double trainingStep(double[] params, double[] state, double[] targets, double alphaDt,
            double betaDt, PinSet pins, Workspace workspace) {
        return steps(workspace).trainingStep(params, state, targets, alphaDt, betaDt, pins, workspace);
    }
}
