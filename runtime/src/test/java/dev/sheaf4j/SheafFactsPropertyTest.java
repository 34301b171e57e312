package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import java.util.ArrayList;
import java.util.List;
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
        assertUnitriangular(random, RandomNetworks.architecture(random, depth, 64, true), kind);
    }

    @Property(tries = 60)
    void residualRestrictedCoboundaryIsUnitriangularWithUnitDeterminant(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden, @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        assertUnitriangular(random, RandomNetworks.residual(random, hidden, 16, true), kind);
    }

    private static void assertUnitriangular(SplittableRandom random, Architecture arch, int kind) {
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
        assertPositiveDefiniteWithTheSpecifiedBlocks(network, pattern);
    }

    /**
     * On a residual network also: the coboundary is the derivative of the discrepancy map (by finite
     * differences, on {@code x} too), and {@code L_free} has the skip blocks of the block formulas.
     */
    @Property(tries = 60)
    void residualLaplacianIsPositiveDefiniteWithTheSpecifiedBlocks(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden, @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.residual(random, hidden, 16, true);
        Network network = RandomNetworks.network(random, arch);
        ActivationPattern pattern = RandomNetworks.pattern(random, arch, kind);
        assertPositiveDefiniteWithTheSpecifiedBlocks(network, pattern);
        Coboundary coboundary = new Coboundary(network, pattern);
        DMatrixRMaj derivative = DiscrepancyDerivative.at(network, pattern, random);
        DMatrixRMaj restricted = CommonOps_DDRM.extract(derivative, 0, derivative.numRows, arch.inputs(),
                derivative.numCols);
        DMatrixRMaj input = CommonOps_DDRM.extract(derivative, 0, derivative.numRows, 0, arch.inputs());
        DMatrixRMaj inputBlock = CommonOps_DDRM.extract(coboundary.boundary(), 0, derivative.numRows, 0,
                arch.inputs());
        assertMatrixEquals(restricted, coboundary.restricted(), 1e-8);
        assertMatrixEquals(input, inputBlock, 1e-8);
        DMatrixRMaj laplacian = new DMatrixRMaj(restricted.numCols, restricted.numCols);
        CommonOps_DDRM.multTransA(restricted, restricted, laplacian);
        assertMatrixEquals(laplacian, coboundary.laplacian(), 1e-7);
    }

    /**
     * The spectrum of a residual network's {@code L_free} is that of its Laplacian: the Fiedler vector
     * is an eigenvector of {@code lambdaMin}, the Rayleigh quotient of any vector lies between
     * {@code lambdaMin} and {@code lambdaMax}, and the Fiedler shares of the free vertices sum to one.
     */
    @Property(tries = 40)
    void residualSpectrumIsThatOfTheLaplacian(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int hidden,
            @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.residual(random, hidden, 16, true);
        Coboundary coboundary = new Coboundary(RandomNetworks.network(random, arch),
                RandomNetworks.pattern(random, arch, kind));
        Spectrum spectrum = Spectrum.of(coboundary);
        DMatrixRMaj laplacian = coboundary.laplacian();
        DMatrixRMaj fiedler = DMatrixRMaj.wrap(spectrum.freeDimension(), 1, spectrum.fiedlerVector().clone());
        DMatrixRMaj image = new DMatrixRMaj(fiedler.numRows, 1);
        CommonOps_DDRM.mult(laplacian, fiedler, image);
        double scale = spectrum.lambdaMax() * CommonOps_DDRM.elementMaxAbs(fiedler);
        for (int i = 0; i < fiedler.numRows; i++) {
            assertEquals(spectrum.lambdaMin() * fiedler.get(i), image.get(i), 1e-9 * scale, "L v at " + i);
        }
        DMatrixRMaj v = DMatrixRMaj.wrap(fiedler.numRows, 1, RandomNetworks.gaussian(random, fiedler.numRows));
        CommonOps_DDRM.mult(laplacian, v, image);
        double rayleigh = CommonOps_DDRM.dot(v, image) / CommonOps_DDRM.dot(v, v);
        assertTrue(rayleigh >= spectrum.lambdaMin() * (1 - 1e-9) && rayleigh <= spectrum.lambdaMax() * (1 + 1e-9),
                "Rayleigh quotient " + rayleigh + " outside the spectrum " + spectrum);
        double shares = spectrum.fiedlerShares().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, shares, 1e-12);
        assertEquals(2 * arch.layers() - 1, spectrum.fiedlerShares().size(), "free vertices z_1 .. z_(k+1)");
    }

    private static void assertPositiveDefiniteWithTheSpecifiedBlocks(Network network, ActivationPattern pattern) {
        Coboundary coboundary = new Coboundary(network, pattern);
        assertTrue(coboundary.laplacianIsPositiveDefinite(),
                "Cholesky of L_free for " + network.architecture() + " at " + pattern);
        assertMatrixEquals(expectedLaplacian(network, pattern), coboundary.laplacian(), 1e-12);
    }

    /**
     * {@code L_free} assembled edge by edge from its block formulas, independently of the coboundary.
     * Activation edge {@code l} gives {@code (z_l, z_l) += m_l^2}, {@code (a_l, a_l) += 1} and
     * {@code (z_l, a_l) = -m_l}. Weight edge {@code l} reads its free tails {@code a_f} through
     * matrices {@code M_f} ({@code W_l} on {@code a_(l-1)}, {@code P} on each skip's source) and gives
     * {@code (z_l, z_l) += 1}, {@code (a_f, z_l) += -M_f^T} and {@code (a_f, a_g) += M_f^T M_g}: for
     * a plain network the block tridiagonal formulas, with a skip the blocks {@code P^T P},
     * {@code -P^T}, {@code P^T W_to} and {@code P_i^T P_j}.
     */
    private static DMatrixRMaj expectedLaplacian(Network network, ActivationPattern pattern) {
        Architecture arch = network.architecture();
        SheafLayout layout = new SheafLayout(arch);
        int n0 = arch.inputs();
        DMatrixRMaj l = new DMatrixRMaj(layout.freeDimension(), layout.freeDimension());
        for (int layer = 1; layer <= arch.layers(); layer++) {
            int z = layout.preOffset(layer) - n0;
            List<Integer> sources = new ArrayList<>();
            List<DMatrixRMaj> maps = new ArrayList<>();
            if (layer > 1) {
                sources.add(layout.postOffset(layer - 1) - n0);
                maps.add(new DMatrixRMaj(network.weights(layer)));
            }
            for (int s = 0; s < arch.skips().size(); s++) {
                Skip skip = arch.skips().get(s);
                if (skip.to() == layer && skip.from() > 0) {
                    sources.add(layout.postOffset(skip.from()) - n0);
                    maps.add(skip.projected() ? new DMatrixRMaj(network.projection(s))
                            : CommonOps_DDRM.identity(arch.width(layer)));
                }
            }
            for (int i = 0; i < arch.width(layer); i++) {
                l.add(z + i, z + i, 1);
            }
            for (int f = 0; f < maps.size(); f++) {
                DMatrixRMaj m = maps.get(f);
                addBlock(l, sources.get(f), z, CommonOps_DDRM.transpose(m, null), -1);
                addBlock(l, z, sources.get(f), m, -1);
                for (int g = 0; g < maps.size(); g++) {
                    DMatrixRMaj product = new DMatrixRMaj(m.numCols, maps.get(g).numCols);
                    CommonOps_DDRM.multTransA(m, maps.get(g), product);
                    addBlock(l, sources.get(f), sources.get(g), product, 1);
                }
            }
            if (layer < arch.layers()) {
                int a = layout.postOffset(layer) - n0;
                for (int i = 0; i < arch.width(layer); i++) {
                    double m = pattern.mask(layer, i);
                    l.add(z + i, z + i, m * m);
                    l.add(a + i, a + i, 1);
                    l.add(z + i, a + i, -m);
                    l.add(a + i, z + i, -m);
                }
            }
        }
        return l;
    }

    /** {@code l[row.., col..] += sign * block}. */
    private static void addBlock(DMatrixRMaj l, int row, int col, DMatrixRMaj block, double sign) {
        for (int i = 0; i < block.numRows; i++) {
            for (int j = 0; j < block.numCols; j++) {
                l.add(row + i, col + j, sign * block.get(i, j));
            }
        }
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

    /**
     * On a residual network the harmonic extension (forward substitution with the skip terms), the
     * generic kernel's forward pass and a dense LU solve of {@code delta_Omega omega = -delta_U u}
     * agree, and the energy there is zero (relative to the state's size).
     */
    @Property(tries = 60)
    void residualHarmonicExtensionIsTheForwardPassAndTheDenseSolve(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int hidden) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.residual(random, hidden, 16, true);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        double[] x = RandomNetworks.gaussian(random, arch.inputs());
        double[] f = sheaf.forwardPass(x).values();
        SheafState harmonic = sheaf.harmonicExtension(x);
        double[] h = harmonic.values();
        double squares = 0;
        for (int i = 0; i < f.length; i++) {
            assertEquals(f[i], h[i], 1e-12 * (1 + Math.abs(f[i])), "state entry " + i + " of " + arch);
            squares += f[i] * f[i];
        }
        assertEquals(0.0, sheaf.discord(harmonic).total(), 1e-24 * (1 + squares), "energy at the harmonic extension");
        assertDenseSolveIsTheForwardPass(sheaf, x, 1e-12);
    }

    @Property(tries = 40)
    void denseSolveThroughTheCoboundaryAgreesWithTheForwardPass(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int depth) {
        SplittableRandom random = new SplittableRandom(seed);
        Architecture arch = RandomNetworks.architecture(random, depth, 32, false);
        Sheaf sheaf = Sheaf.of(RandomNetworks.network(random, arch));
        assertDenseSolveIsTheForwardPass(sheaf, RandomNetworks.gaussian(random, arch.inputs()), 1e-10);
    }

    /** The dense LU solve of {@code delta_Omega omega = -delta_U u} is the forward pass, within {@code tolerance} relative. */
    private static void assertDenseSolveIsTheForwardPass(Sheaf sheaf, double[] x, double tolerance) {
        Architecture arch = sheaf.network().architecture();
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
            assertEquals(expected, omega.get(i), tolerance * (1 + Math.abs(expected)),
                    "free coordinate " + i + " of " + arch);
        }
    }
}
