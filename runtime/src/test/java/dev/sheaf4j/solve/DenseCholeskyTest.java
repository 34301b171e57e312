package dev.sheaf4j.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.RandomNetworks;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The dense Cholesky factorisation: it solves positive definite systems and names the row where a singular one fails. */
class DenseCholeskyTest {
    @Property(tries = 30)
    void aPositiveDefiniteSystemIsSolved(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = gram(random, n, n);
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 0.1;
        }
        double[] b = RandomNetworks.gaussian(random, n);
        double[] x = b.clone();
        DenseCholesky chol = new DenseCholesky(a.clone(), n);
        assertEquals(-1, chol.factorise());
        chol.solve(x);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[i * n + j] * x[j];
            }
            assertEquals(b[i], sum, 1e-9 * (1 + Math.abs(b[i])), "row " + i);
        }
    }

    /**
     * {@code A = M^T M} for {@code M = [I R]} of {@code rank} rows: its leading {@code rank x rank}
     * block is the identity, and every later row depends on those.
     */
    @Property(tries = 30)
    void aSingularSystemFailsAtTheFirstDependentRow(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int n) {
        SplittableRandom random = new SplittableRandom(seed);
        int rank = 1 + random.nextInt(n - 1);
        double[] m = RandomNetworks.gaussian(random, rank * n);
        for (int k = 0; k < rank; k++) {
            for (int i = 0; i < rank; i++) {
                m[k * n + i] = k == i ? 1 : 0;
            }
        }
        assertEquals(rank, new DenseCholesky(gram(m, rank, n), n).factorise());
    }

    private static double[] gram(SplittableRandom random, int rows, int n) {
        return gram(RandomNetworks.gaussian(random, rows * n), rows, n);
    }

    /** {@code M^T M} for the {@code rows x n} row-major {@code m}. */
    private static double[] gram(double[] m, int rows, int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < rows; k++) {
                    a[i * n + j] += m[k * n + i] * m[k * n + j];
                }
            }
        }
        return a;
    }
}
