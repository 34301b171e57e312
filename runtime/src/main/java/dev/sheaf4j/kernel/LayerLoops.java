package dev.sheaf4j.kernel;

/**
 * The loops of one layer's edges on a batch in {@code (coordinate, sample)} layout, with every size
 * and offset passed in: the generic kernel calls them for every layer, generated kernels for the
 * layers too large to unroll (with constant arguments) and for large batches. Offsets are element
 * offsets into the arrays (already multiplied by the batch size); {@code w} and {@code b} are the
 * offsets of {@code W_l} and {@code b_l} in the parameter array, {@code rows} and {@code cols} the
 * shape of {@code W_l}.
 *
 * <p>The loops are written for the JIT: the innermost loop runs over the samples of one row, which
 * it vectorises; four weights are applied per pass over a row, so that a row is read and written a
 * quarter as often; the activation and its mask are {@link HiddenActivation}'s; the weight
 * gradients, which are sums over the samples, keep four partial sums apiece.
 */
public final class LayerLoops {
    private LayerLoops() {
    }

    /**
     * How many input rows of a batch the loops keep in cache at once (a quarter of a megabyte): the
     * inputs are taken in blocks of this many rows, for every output row in turn, so that wide
     * layers on large batches do not stream their inputs from memory once per output.
     */
    static int blockRows(int batch) {
        return Math.max(4, 32_768 / batch & ~3);
    }

    /** {@code dst[to..] = W src[from..] + b}. */
    public static void affine(double[] p, int w, int b, int rows, int cols, double[] src, int from, double[] dst,
            int to, int batch) {
        if (batch == 1) {
            for (int i = 0; i < rows; i++) {
                double sum = p[b + i];
                int row = w + i * cols;
                for (int j = 0; j < cols; j++) {
                    sum += p[row + j] * src[from + j];
                }
                dst[to + i] = sum;
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int row = to + i * batch;
            double bias = p[b + i];
            for (int s = 0; s < batch; s++) {
                dst[row + s] = bias;
            }
        }
        addProduct(p, w, rows, cols, src, from, dst, to, batch);
    }

    /** {@code dst[to..] += W src[from..]}, with {@code W} the {@code rows x cols} matrix at {@code w} in {@code p}. */
    public static void addProduct(double[] p, int w, int rows, int cols, double[] src, int from, double[] dst,
            int to, int batch) {
        if (batch == 1) {
            for (int i = 0; i < rows; i++) {
                double sum = 0;
                int row = w + i * cols;
                for (int j = 0; j < cols; j++) {
                    sum += p[row + j] * src[from + j];
                }
                dst[to + i] += sum;
            }
            return;
        }
        int block = blockRows(batch);
        for (int j0 = 0; j0 < cols; j0 += block) {
            int j1 = Math.min(cols, j0 + block);
            for (int i = 0; i < rows; i++) {
                int row = to + i * batch;
                int wi = w + i * cols;
                int j = j0;
                for (; j + 4 <= j1; j += 4) {
                    int col = from + j * batch;
                    addFour(dst, row, src, col, batch, p[wi + j], p[wi + j + 1], p[wi + j + 2], p[wi + j + 3]);
                }
                for (; j < j1; j++) {
                    addOne(dst, row, src, from + j * batch, batch, p[wi + j]);
                }
            }
        }
    }

    /** {@code dst[d + s] += w0 src[c + s] + w1 src[c + batch + s] + ...} for four consecutive rows of {@code src}, summed in that order. */
    private static void addFour(double[] dst, int d, double[] src, int c, int batch, double w0, double w1, double w2,
            double w3) {
        int c1 = c + batch;
        int c2 = c1 + batch;
        int c3 = c2 + batch;
        for (int s = 0; s < batch; s++) {
            dst[d + s] = dst[d + s] + w0 * src[c + s] + w1 * src[c1 + s] + w2 * src[c2 + s] + w3 * src[c3 + s];
        }
    }

    /** {@code dst[d + s] += w src[c + s]}. */
    private static void addOne(double[] dst, int d, double[] src, int c, int batch, double w) {
        for (int s = 0; s < batch; s++) {
            dst[d + s] += w * src[c + s];
        }
    }

    /** {@code out[r..] = W state[from..] + b - state[z..]}: the weight edge's discrepancy. */
    public static void residual(double[] p, int w, int b, int rows, int cols, double[] state, int from, int z,
            double[] out, int r, int batch) {
        affine(p, w, b, rows, cols, state, from, out, r, batch);
        int n = rows * batch;
        for (int i = 0; i < n; i++) {
            out[r + i] -= state[z + i];
        }
    }

    /** {@code state[a..] = m * state[z..]} over {@code count} entries, the mask 1 where {@code z >= 0} and {@code slope} elsewhere. */
    public static void activate(double[] state, int z, int a, int count, double slope) {
        for (int i = 0; i < count; i++) {
            state[a + i] = HiddenActivation.value(state[z + i], slope);
        }
    }

    /** {@code out[s..] = m * state[z..] - state[a..]}: the activation edge's discrepancy. */
    public static void activationResidual(double[] state, int z, int a, double[] out, int s, int count, double slope) {
        for (int i = 0; i < count; i++) {
            out[s + i] = HiddenActivation.value(state[z + i], slope) - state[a + i];
        }
    }

    /**
     * The activation edge's forces: {@code f[z..] = d[r..] - m * d[s..]} (the weight edge's residual
     * less the activation edge's pull) and {@code f[a..] = d[s..]}.
     */
    public static void activationForces(double[] state, int z, int a, double[] d, int r, int s, double[] f, int count,
            double slope) {
        for (int i = 0; i < count; i++) {
            double sv = d[s + i];
            f[z + i] = d[r + i] - HiddenActivation.mask(state[z + i], slope) * sv;
            f[a + i] = sv;
        }
    }

    /** {@code dst[to..] -= W^T r[from..]}: the weight edge's pull on its input. */
    public static void pullBack(double[] p, int w, int rows, int cols, double[] r, int from, double[] dst, int to,
            int batch) {
        if (batch == 1) {
            for (int i = 0; i < rows; i++) {
                double ri = r[from + i];
                int row = w + i * cols;
                for (int j = 0; j < cols; j++) {
                    dst[to + j] -= p[row + j] * ri;
                }
            }
            return;
        }
        int block = blockRows(batch);
        for (int i0 = 0; i0 < rows; i0 += block) {
            int i1 = Math.min(rows, i0 + block);
            for (int j = 0; j < cols; j++) {
                int col = to + j * batch;
                int i = i0;
                for (; i + 4 <= i1; i += 4) {
                    int wij = w + i * cols + j;
                    addFour(dst, col, r, from + i * batch, batch, -p[wij], -p[wij + cols], -p[wij + 2 * cols],
                            -p[wij + 3 * cols]);
                }
                for (; i < i1; i++) {
                    addOne(dst, col, r, from + i * batch, batch, -p[w + i * cols + j]);
                }
            }
        }
    }

    /** {@code W -= betaDt sum_s r a^T} and {@code b -= betaDt sum_s r}, with {@code r = d[r..]} and {@code a = state[a..]}. */
    public static void descend(double[] p, int w, int b, int rows, int cols, double[] d, int r, double[] state, int a,
            int batch, double betaDt) {
        if (batch == 1) {
            for (int i = 0; i < rows; i++) {
                double ri = d[r + i];
                int row = w + i * cols;
                for (int j = 0; j < cols; j++) {
                    p[row + j] -= betaDt * (ri * state[a + j]);
                }
                p[b + i] -= betaDt * ri;
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            p[b + i] -= betaDt * sum(d, r + i * batch, batch);
        }
        descendProduct(p, w, rows, cols, d, r, state, a, batch, betaDt);
    }

    /** {@code W -= betaDt sum_s r a^T} alone, for a matrix without biases: a skip's projection. */
    public static void descendProduct(double[] p, int w, int rows, int cols, double[] d, int r, double[] state, int a,
            int batch, double betaDt) {
        for (int i = 0; i < rows; i++) {
            int row = r + i * batch;
            for (int j = 0; j < cols; j++) {
                p[w + i * cols + j] -= betaDt * dot(d, row, state, a + j * batch, batch);
            }
        }
    }

    /** {@code dst[to..] += sign * src[from..]} over {@code count} entries: an identity skip's term ({@code sign} 1) or pull (-1). */
    public static void addRows(double[] src, int from, double[] dst, int to, int count, double sign) {
        for (int i = 0; i < count; i++) {
            dst[to + i] += sign * src[from + i];
        }
    }

    /** {@code sum_s x[i + s]}, in four interleaved partial sums. */
    public static double sum(double[] x, int i, int n) {
        return interleavedSum(x, i, null, 0, n);
    }

    /** {@code sum_s x[i + s] y[j + s]}, in four interleaved partial sums. */
    public static double dot(double[] x, int i, double[] y, int j, int n) {
        return interleavedSum(x, i, y, j, n);
    }

    /**
     * {@code sum_s x[i + s] y[j + s]}, or {@code sum_s x[i + s]} if {@code y} is null, in four partial
     * sums over every fourth sample, so that four additions are in flight at once instead of one.
     */
    private static double interleavedSum(double[] x, int i, double[] y, int j, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int s = 0;
        for (; s + 4 <= n; s += 4) {
            s0 = Math.fma(x[i + s], y == null ? 1.0 : y[j + s], s0);
            s1 = Math.fma(x[i + s + 1], y == null ? 1.0 : y[j + s + 1], s1);
            s2 = Math.fma(x[i + s + 2], y == null ? 1.0 : y[j + s + 2], s2);
            s3 = Math.fma(x[i + s + 3], y == null ? 1.0 : y[j + s + 3], s3);
        }
        for (; s < n; s++) {
            s0 = Math.fma(x[i + s], y == null ? 1.0 : y[j + s], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The largest {@code |x[i]|} for {@code from <= i < to}, NaN if any entry is NaN: four running
     * maxima, each updated behind a branch that is almost never taken.
     */
    public static double largestMagnitude(double[] x, int from, int to) {
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            double a0 = Math.abs(x[i]);
            double a1 = Math.abs(x[i + 1]);
            double a2 = Math.abs(x[i + 2]);
            double a3 = Math.abs(x[i + 3]);
            if (!(a0 <= m0)) {
                m0 = keepNaN(m0, a0);
            }
            if (!(a1 <= m1)) {
                m1 = keepNaN(m1, a1);
            }
            if (!(a2 <= m2)) {
                m2 = keepNaN(m2, a2);
            }
            if (!(a3 <= m3)) {
                m3 = keepNaN(m3, a3);
            }
        }
        for (; i < to; i++) {
            double a = Math.abs(x[i]);
            if (!(a <= m0)) {
                m0 = keepNaN(m0, a);
            }
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /** {@code candidate}, unless the running maximum is already NaN. */
    private static double keepNaN(double max, double candidate) {
        return Double.isNaN(max) ? max : candidate;
    }
}
