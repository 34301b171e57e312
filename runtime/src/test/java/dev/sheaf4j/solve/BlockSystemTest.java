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
 * from the residuals' Jacobian, on seeded random networks, pins and activation patterns: narrow next
 * layers (eliminated by their low rank) and wide ones (dense blocks), one system reused across
 * patterns as a solve's iterations reuse it.
 */
class BlockSystemTest {
    @Property(tries = 60)
    void theBlockEliminationSolvesTheDenseNewtonSystem(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int layers) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, layers, 9, false);
        Network network = RandomNetworks.network(random, arch);
        SheafLayout layout = new SheafLayout(arch);
        BlockSystem system = new BlockSystem(layout, network.parameters());
        system.prepareInput();
        boolean[] solved = solvedCoordinates(random, layout);
        double[] diagonal = new double[layout.stateSize()];
        for (int c = 0; c < diagonal.length; c++) {
            // a free input needs a soft pin to make the system definite
            boolean soft = c < arch.inputs() || random.nextInt(3) == 0;
            diagonal[c] = soft ? random.nextDouble(0.1, 2) : 0;
        }
        DMatrixRMaj outputHessian = random.nextBoolean() ? randomPositiveSemidefinite(random, arch.outputs()) : null;
        for (int pattern = 0; pattern < 3; pattern++) {
            double[] masks = new double[layout.stateSize()];
            for (int l = 1; l < arch.layers(); l++) {
                for (int i = 0; i < arch.width(l); i++) {
                    masks[layout.preOffset(l) + i] = random.nextInt(3) == 0 ? 0.0 : random.nextBoolean() ? 1.0 : 0.1;
                }
            }
            double[] rhs = RandomNetworks.gaussian(random, layout.stateSize());
            double[] got = system.solve(solved, masks, diagonal, outputHessian, null, rhs);
            double[] want = denseSolve(network, layout, solved, masks, diagonal, outputHessian, rhs);
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], got[c], 1e-9 * (1 + Math.abs(want[c])), arch + ", coordinate " + c);
            }
        }
    }

    /** Every coordinate up to {@code z_(k+1)}, the input free or pinned, a few others pinned. */
    private static boolean[] solvedCoordinates(SplittableRandom random, SheafLayout layout) {
        Architecture arch = layout.architecture();
        boolean freeInput = random.nextInt(4) == 0;
        boolean[] solved = new boolean[layout.stateSize()];
        int end = layout.preOffset(arch.layers()) + arch.outputs();
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
