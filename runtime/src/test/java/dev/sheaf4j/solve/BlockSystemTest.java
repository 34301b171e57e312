package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The block elimination of the Newton system against a dense solve of the same system, assembled
 * from the residuals' Jacobian, and against the assembled system of residual networks, on seeded
 * random plain networks, pins and activation patterns: narrow next layers (eliminated by their low
 * rank) and wide ones (dense blocks), one system, and one elimination with its arrays, reused across
 * patterns as a solve's iterations reuse them.
 */
class BlockSystemTest {
    @Property(tries = 60)
    void theBlockEliminationSolvesTheDenseNewtonSystem(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int layers) {
        Case c = Case.random(new SplittableRandom(seed), layers, false);
        BlockSystem system = new BlockSystem(c.layout(), c.network().parameters());
        system.prepareInput();
        PatternSystem elimination = system.local();
        for (int pattern = 0; pattern < 3; pattern++) {
            double[] masks = c.masks();
            double[] rhs = RandomNetworks.gaussian(c.random(), c.layout().stateSize());
            double[] got = (pattern == 0 ? system : elimination).solve(c.solved(), masks, c.diagonal(),
                    c.outputHessian(), null, rhs);
            double[] want = denseSolve(c.network(), c.layout(), c.solved(), masks, c.diagonal(), c.outputHessian(),
                    rhs);
            assertSame(want, got, c.layout().architecture());
        }
    }

    /**
     * On plain networks the assembled system of residual networks solves what the block elimination
     * does, with the output vertex in the solve or not: the two are interchangeable where both apply.
     */
    @Property(tries = 60)
    void theAssembledSystemSolvesWhatTheBlockEliminationDoes(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int layers) {
        Case c = Case.random(new SplittableRandom(seed), layers, true);
        BlockSystem blocks = new BlockSystem(c.layout(), c.network().parameters());
        AssembledSystem assembled = new AssembledSystem(c.layout(), c.network().parameters());
        blocks.prepareInput();
        assembled.prepareInput();
        for (int pattern = 0; pattern < 3; pattern++) {
            double[] masks = c.masks();
            double[] rhs = RandomNetworks.gaussian(c.random(), c.layout().stateSize());
            double[] want = blocks.solve(c.solved(), masks, c.diagonal(), c.outputHessian(), c.outputCoupling(), rhs);
            double[] got = assembled.solve(c.solved(), masks, c.diagonal(), c.outputHessian(), c.outputCoupling(),
                    rhs);
            assertSame(want, got, c.layout().architecture());
        }
    }

    private static void assertSame(double[] want, double[] got, Architecture arch) {
        for (int c = 0; c < want.length; c++) {
            assertEquals(want[c], got[c], 1e-9 * (1 + Math.abs(want[c])), arch + ", coordinate " + c);
        }
    }

    /**
     * A seeded random system: a plain network (any head when {@code anyHead}), the coordinates solved
     * for, soft-pin strengths on the diagonal, an optional output Hessian, and with {@code a_out}
     * solved for, its coupling; its random source draws the patterns and right-hand sides.
     */
    private record Case(SplittableRandom random, Network network, SheafLayout layout, boolean[] solved,
            double[] diagonal, DMatrixRMaj outputHessian, DMatrixRMaj outputCoupling) {
        static Case random(SplittableRandom random, int layers, boolean anyHead) {
            Architecture arch = RandomNetworks.architecture(random, layers, 9, anyHead);
            Network network = RandomNetworks.network(random, arch);
            SheafLayout layout = new SheafLayout(arch);
            boolean outputVertex = arch.hasOutputVertex() && random.nextBoolean();
            boolean[] solved = solvedCoordinates(random, layout, outputVertex);
            double[] diagonal = new double[layout.stateSize()];
            for (int c = 0; c < diagonal.length; c++) {
                // a free input needs a soft pin to make the system definite
                boolean soft = c < arch.inputs() || random.nextInt(3) == 0;
                diagonal[c] = soft ? random.nextDouble(0.1, 2) : 0;
            }
            if (outputVertex) {
                // the squared output edge's Gauss-Newton terms for a random Jacobian J: J^T J and -J
                int n = arch.outputs();
                DMatrixRMaj j = new DMatrixRMaj(n, n, true, RandomNetworks.gaussian(random, n * n));
                DMatrixRMaj hessian = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(j, j, hessian);
                CommonOps_DDRM.scale(-1, j);
                return new Case(random, network, layout, solved, diagonal, hessian, j);
            }
            DMatrixRMaj outputHessian = random.nextBoolean() ? randomPositiveSemidefinite(random, arch.outputs()) : null;
            return new Case(random, network, layout, solved, diagonal, outputHessian, null);
        }

        /** Random hidden masks: dead, active or leaky. */
        double[] masks() {
            Architecture arch = layout.architecture();
            double[] masks = new double[layout.stateSize()];
            for (int l = 1; l < arch.layers(); l++) {
                for (int i = 0; i < arch.width(l); i++) {
                    masks[layout.preOffset(l) + i] = random.nextInt(3) == 0 ? 0.0 : random.nextBoolean() ? 1.0 : 0.1;
                }
            }
            return masks;
        }
    }

    /**
     * Every coordinate up to {@code z_(k+1)} (and {@code a_out} when {@code outputVertex}), the input
     * free or pinned, a few others pinned.
     */
    private static boolean[] solvedCoordinates(SplittableRandom random, SheafLayout layout, boolean outputVertex) {
        Architecture arch = layout.architecture();
        boolean freeInput = random.nextInt(4) == 0;
        boolean[] solved = new boolean[layout.stateSize()];
        int end = outputVertex ? layout.stateSize() : layout.preOffset(arch.layers()) + arch.outputs();
        for (int c = 0; c < end; c++) {
            solved[c] = c < arch.inputs() ? freeInput : random.nextInt(6) != 0;
        }
        return solved;
    }

    private static DMatrixRMaj randomPositiveSemidefinite(SplittableRandom random, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n, true, RandomNetworks.gaussian(random, n * n));
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(a, a, h);
        return h;
    }

    /**
     * The Newton system {@code (J^T J + diag) u = rhs} on the solved coordinates, {@code J} the
     * Jacobian of the weight edges {@code z_l - W_l a_(l-1)} and the hidden activation edges {@code
     * m_l z_l - a_l}, with the output Hessian on {@code z_(k+1)}, solved densely.
     */
    private static double[] denseSolve(Network network, SheafLayout layout, boolean[] solved, double[] masks,
            double[] diagonal, DMatrixRMaj outputHessian, double[] rhs) {
        Architecture arch = layout.architecture();
        int size = layout.stateSize();
        int rows = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            rows += arch.width(l) * (l < arch.layers() ? 2 : 1);
        }
        DMatrixRMaj j = new DMatrixRMaj(rows, size);
        int row = 0;
        for (int l = 1; l <= arch.layers(); l++) {
            double[][] w = network.weights(l);
            int input = l == 1 ? 0 : layout.postOffset(l - 1);
            for (int i = 0; i < arch.width(l); i++, row++) {
                j.set(row, layout.preOffset(l) + i, 1);
                for (int k = 0; k < arch.width(l - 1); k++) {
                    j.set(row, input + k, -w[i][k]);
                }
            }
            if (l < arch.layers()) {
                for (int i = 0; i < arch.width(l); i++, row++) {
                    j.set(row, layout.preOffset(l) + i, masks[layout.preOffset(l) + i]);
                    j.set(row, layout.postOffset(l) + i, -1);
                }
            }
        }
        DMatrixRMaj h = new DMatrixRMaj(size, size);
        CommonOps_DDRM.multTransA(j, j, h);
        int z = layout.preOffset(arch.layers());
        for (int a = 0; a < arch.outputs() && outputHessian != null; a++) {
            for (int b = 0; b < arch.outputs(); b++) {
                h.add(z + a, z + b, outputHessian.get(a, b));
            }
        }
        int[] free = java.util.stream.IntStream.range(0, size).filter(c -> solved[c]).toArray();
        DMatrixRMaj restricted = new DMatrixRMaj(free.length, free.length);
        DMatrixRMaj b = new DMatrixRMaj(free.length, 1);
        for (int r = 0; r < free.length; r++) {
            for (int c = 0; c < free.length; c++) {
                restricted.set(r, c, h.get(free[r], free[c]));
            }
            restricted.add(r, r, diagonal[free[r]]);
            b.set(r, 0, rhs[free[r]]);
        }
        DMatrixRMaj x = new DMatrixRMaj(free.length, 1);
        if (!CommonOps_DDRM.solve(restricted, b, x)) {
            throw new AssertionError("the dense system is singular");
        }
        double[] u = new double[size];
        for (int r = 0; r < free.length; r++) {
            u[free[r]] = x.get(r, 0);
        }
        return u;
    }
}
