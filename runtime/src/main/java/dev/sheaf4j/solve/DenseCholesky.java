package dev.sheaf4j.solve;

import dev.sheaf4j.kernel.LayerLoops;

/**
 * The Cholesky factorisation {@code A = L L^T} of a dense symmetric matrix, in place, that names the
 * first row where it fails: where the pivot is not positive, or where rounding has erased the
 * curvature (a pivot below {@link #RELATIVE_PIVOT} of the row's diagonal entry, a condition number
 * past its reciprocal). Not thread-safe: one per solve.
 */
final class DenseCholesky {
    /** The smallest pivot, relative to its diagonal entry, taken for curvature rather than rounding. */
    static final double RELATIVE_PIVOT = 1e-13;

    private final double[] a;
    private final int n;

    /** The factorisation of the {@code n x n} row-major matrix {@code a}, which it overwrites. */
    DenseCholesky(double[] a, int n) {
        this.a = a;
        this.n = n;
    }

    /** Factorises; returns -1, or the first row whose pivot failed (the factor is then unusable). */
    int factorise() {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j <= i; j++) {
                int other = j * n;
                double sum = a[row + j] - LayerLoops.dot(a, row, a, other, j);
                if (j < i) {
                    a[row + j] = sum / a[other + j];
                } else if (sum > RELATIVE_PIVOT * a[row + i]) {
                    a[row + i] = Math.sqrt(sum);
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Solves {@code L L^T x = b} in place in {@code b}, after a successful {@link #factorise()}. */
    void solve(double[] b) {
        forward(b, 0);
        for (int i = n - 1; i >= 0; i--) {
            // L^T x = y by rows of L: once x_i is known, take its share out of the entries before it
            b[i] /= a[i * n + i];
            for (int k = 0; k < i; k++) {
                b[k] -= a[i * n + k] * b[i];
            }
        }
    }

    /**
     * Solves {@code L y = b} in place in {@code b[from..from + n)}, after a successful {@link
     * #factorise()}: half a solve, for products {@code c^T A^-1 d = (L^-1 c) . (L^-1 d)}.
     */
    void forward(double[] b, int from) {
        for (int i = 0; i < n; i++) {
            b[from + i] = (b[from + i] - LayerLoops.dot(a, i * n, b, from, i)) / a[i * n + i];
        }
    }
}
