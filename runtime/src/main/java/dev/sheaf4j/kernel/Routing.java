package dev.sheaf4j.kernel;

import dev.sheaf4j.network.Architecture;
import java.util.List;

/**
 * The routing table: which code runs which operation for which batch size and layer. The one place
 * these choices are made; {@link AbstractSheafKernel} reads it for every step, the annotation
 * processor reads it for the code it writes per layer, and generated kernels read it at run time
 * to pick a pass. The measurements behind the thresholds are in BENCHMARKS.md.
 */
public final class Routing {
    /** The largest {@code n_l * (n_(l-1) + 1)} of a layer whose generated code is unrolled. */
    public static final int UNROLL_LIMIT = 128;
    /** The largest {@code n_l * (n_(l-1) + 1)} of an unrolled layer that also runs small batches sample by sample. */
    public static final int BY_SAMPLE_LIMIT = 32;
    /** The batch size from which forces, Euler and training steps take {@link StepRoute#TILES}. */
    public static final int TILE_BATCH = 16;
    /** The most samples in one tile of {@link StepRoute#TILES}. */
    public static final int TILE = 512;
    /** The fewest inputs of a layer whose weight gradient on a tile is taken with the inputs transposed. */
    public static final int TRANSPOSED_GRADIENT_COLS = 64;
    /** The batch size from which generated passes over all samples take {@link PassRoute#LOOPED}. */
    public static final int LOOP_BATCH = 64;

    private Routing() {
    }

    /** The code a generated kernel holds for one layer. */
    public enum LayerCode {
        /** The shared loops with constant sizes and offsets, at every batch size. */
        LOOPED,
        /** Straight-line code for one sample; the shared loops for batches. */
        UNROLLED,
        /** Straight-line code for one sample and in one loop over the samples of a small batch. */
        UNROLLED_BY_SAMPLE
    }

    /** How a generated kernel's forward pass and discrepancies run a batch. */
    public enum PassRoute {
        /** Unrolled layers at constant indices. */
        ONE_SAMPLE,
        /** Layers unrolled by sample in one loop over the samples, the others looped. */
        BY_SAMPLE,
        /** Every layer through the shared loops. */
        LOOPED
    }

    /** How a kernel's forces, Euler and training steps run a batch: a step strategy each. */
    public enum StepRoute {
        /** The kernel's own primitives on the flat {@code (coordinate, sample)} arrays. */
        FLAT,
        /**
         * The samples in tiles of at most {@link #TILE}, each tile's stalks copied into one short
         * array per coordinate and every edge, pin and the advance run on it before the next tile.
         */
        TILES
    }

    /** The code of a layer in a generated kernel. */
    public static LayerCode layerCode(LayerSpan layer) {
        return layerCode(layer, List.of());
    }

    /**
     * The code of a layer in a generated kernel, with the {@code skips} into it: their terms are
     * written with the layer's own, so they count towards its size (a projection its weights, an
     * identity skip one addition per row).
     */
    public static LayerCode layerCode(LayerSpan layer, List<SkipSpan> skips) {
        long size = layer.size();
        for (SkipSpan skip : skips) {
            size += skip.projected() ? (long) skip.rows() * skip.cols() : skip.rows();
        }
        return size > UNROLL_LIMIT ? LayerCode.LOOPED
                : size > BY_SAMPLE_LIMIT ? LayerCode.UNROLLED : LayerCode.UNROLLED_BY_SAMPLE;
    }

    /** The route of a generated pass over {@code batch} samples. */
    public static PassRoute pass(int batch) {
        return batch == 1 ? PassRoute.ONE_SAMPLE : batch < LOOP_BATCH ? PassRoute.BY_SAMPLE : PassRoute.LOOPED;
    }

    /**
     * The route of a step on {@code batch} samples of {@code architecture}'s sheaf: a network with
     * skip connections always takes {@link StepRoute#FLAT}, since the tile primitives do not carry
     * skips.
     */
    public static StepRoute step(Architecture architecture, int batch) {
        return architecture.residual() || batch < TILE_BATCH ? StepRoute.FLAT : StepRoute.TILES;
    }
}
