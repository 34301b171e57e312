package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The structural facts of the sheaf (a unitriangular restricted coboundary, a positive definite
 * {@code L_free}, the forward pass as harmonic extension) on seeded random architectures of depth 1 to 6 and
 * widths 1 to 64, at random activation patterns including all-dead and all-active ones.
 */
class SheafFactsPropertyTest {

    @Property(tries = 60)
    void restrictedCoboundaryIsUnitriangularWithUnitDeterminant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int depth,
            @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 64, true);
        Network network = RandomNetworks.network(random, arch);
        Coboundary coboundary = new Coboundary(network, RandomNetworks.pattern(random, arch, kind));
        DMatrixRMaj d = coboundary.restricted();
        assertEquals(d.numRows, d.numCols, "delta_Omega is square");
        for (int i = 0; i < d.numRows; i++) {
            assertEquals(1.0, d.get(i, i), "diagonal entry " + i);
            for (int j = i + 1; j < d.numCols; j++) {
                assertEquals(0.0, d.get(i, j), "entry above the diagonal (" + i + "," + j + ")");
            }
        }
        assertEquals(1.0, coboundary.determinant(), 1e-9, "det delta_Omega by LU for " + arch);
    }

    @Property(tries = 60)
    void laplacianIsPositiveDefiniteWithTheSpecifiedBlocks(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int depth, @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 64, true);
        Network network = RandomNetworks.network(random, arch);
        ActivationPattern pattern = RandomNetworks.pattern(random, arch, kind);
        Coboundary coboundary = new Coboundary(network, pattern);
        assertTrue(coboundary.laplacianIsPositiveDefinite(), "Cholesky of L_free for " + arch + " at " + pattern);
        assertMatrixEquals(expectedLaplacian(network, pattern), coboundary.laplacian(), 1e-12);
    }

    /** {@code L_free} assembled block by block from its block formulas, independently of the coboundary. */
    private static DMatrixRMaj expectedLaplacian(Network network, ActivationPattern pattern) {
        Architecture arch = network.architecture();
        SheafLayout layout = new SheafLayout(arch);
        int n0 = arch.inputs();
        DMatrixRMaj l = new DMatrixRMaj(layout.freeDimension(), layout.freeDimension());
        for (int layer = 1; layer <= arch.layers(); layer++) {
            int z = layout.preOffset(layer) - n0;
            for (int i = 0; i < arch.width(layer); i++) {
                double m = layer < arch.layers() ? pattern.mask(layer, i) : 0;
                l.set(z + i, z + i, 1 + m * m);
            }
            if (layer < arch.layers()) {
                int a = layout.postOffset(layer) - n0;
                DMatrixRMaj w = new DMatrixRMaj(network.weights(layer + 1));
                DMatrixRMaj block = new DMatrixRMaj(w.numCols, w.numCols);
                CommonOps_DDRM.multTransA(w, w, block);
                for (int i = 0; i < w.numCols; i++) {
                    block.add(i, i, 1);
                    double m = pattern.mask(layer, i);
                    l.set(z + i, a + i, -m);
                    l.set(a + i, z + i, -m);
                }
                CommonOps_DDRM.insert(block, l, a, a);
                int next = layout.preOffset(layer + 1) - n0;
                for (int i = 0; i < w.numRows; i++) {
                    for (int j = 0; j < w.numCols; j++) {
                        l.set(a + j, next + i, -w.get(i, j));
                        l.set(next + i, a + j, -w.get(i, j));
                    }
                }
            }
        }
        return l;
    }

    private static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual, double tolerance) {
        for (int i = 0; i < expected.numRows; i++) {
            for (int j = 0; j < expected.numCols; j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), tolerance,
                        "entry (" + i + "," + j + ")");
            }
        }
    }

    @Property(tries = 60)
    void harmonicExtensionIsTheForwardPassWithZeroEnergy(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 64, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        SheafState forward = sheaf.forwardPass(x);
        SheafState harmonic = sheaf.harmonicExtension(x);
        double[] f = forward.values();
        double[] h = harmonic.values();
        for (int i = 0; i < f.length; i++) {
            assertEquals(f[i], h[i], 1e-12, "state entry " + i + " of " + arch);
        }
        assertEquals(0.0, sheaf.discord(harmonic).total(), 1e-24,
                "energy at the harmonic extension");
    }

    @Property(tries = 40)
    void denseSolveThroughTheCoboundaryAgreesWithTheForwardPass(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 32, false);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        SheafState forward = sheaf.forwardPass(x);
        Coboundary coboundary = sheaf.coboundary(x);
        // delta_Omega omega = -delta_U u, by a general LU solver that knows nothing of the structure
        DMatrixRMaj rhs = new DMatrixRMaj(coboundary.dimension(), 1);
        CommonOps_DDRM.mult(-1.0, coboundary.boundary(), coboundary.boundaryValues(x), rhs);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.general(rhs.numRows, rhs.numRows);
        assertTrue(solver.setA(coboundary.restricted()));
        DMatrixRMaj omega = new DMatrixRMaj(rhs.numRows, 1);
        solver.solve(rhs, omega);
        for (int i = 0; i < omega.numRows; i++) {
            double expected = forward.values()[arch.inputs() + i];
            assertEquals(expected, omega.get(i), 1e-10 * (1 + Math.abs(expected)),
                    "free coordinate " + i + " of " + arch);
        }
    }
}
