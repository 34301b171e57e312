package dev.sheaf4j.kernel;

/**
 * The loops of one layer's edges on a {@link Tile}, one array per coordinate ({@code rows[k][s]}),
 * over the {@code width} samples of the tile: the generic kernel calls them with the sizes of each
 * layer, generated kernels with constants. Every access in an inner loop is {@code row[s]}, so the
 * JIT sees that no store feeds a later load and vectorises the loop, which it cannot do for rows at
 * offsets computed at run time in one flat array, since two such rows may overlap (see
 * {@code RowLayoutBenchmark}). Row indices are stalk or edge coordinates; {@code w} and {@code b}
 * are the offsets of {@code W_l} and {@code b_l} in the parameter array. Sums run in the same order
 * as in {@link LayerLoops}.
 */
public final class TileLoops {
    /** Input rows taken per pass over an output row, as in {@link LayerLoops}. */
    private static final int GROUP = 4;

    private TileLoops() {
    }

    /**
     * {@code out[r + i] = W src[from..] + b - z[zFrom + i]} for the {@code rows} rows of {@code W_l}:
     * the weight edge's residual.
     */
    public static void residual(double[] p, int w, int b, int rows, int cols, double[][] src, int from, double[][] z,
            int zFrom, double[][] out, int r, int width) {
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(out[r + i], 0, width, p[b + i]);
        }
        int block = LayerLoops.blockRows(width);
        for (int j0 = 0; j0 < cols; j0 += block) {
            int j1 = Math.min(cols, j0 + block);
            for (int i = 0; i < rows; i++) {
                accumulate(out[r + i], src, from, p, w + i * cols, 1, 1.0, j0, j1, width);
            }
        }
        for (int i = 0; i < rows; i++) {
            double[] o = out[r + i];
            double[] zi = z[zFrom + i];
            for (int s = 0; s < width; s++) {
                o[s] -= zi[s];
            }
        }
    }

    /**
     * {@code dst[s] += sum_j sign p[at + j * stride] rows[from + j][s]} over {@code j0 <= j < j1}, up
     * to four rows per pass, added in the order of {@code j} ({@code sign} is 1 or -1, so the product
     * is exact).
     */
    private static void accumulate(double[] dst, double[][] rows, int from, double[] p, int at, int stride,
            double sign, int j0, int j1, int width) {
        int j = j0;
        for (; j + GROUP <= j1; j += GROUP) {
            double w0 = sign * p[at + j * stride];
            double w1 = sign * p[at + (j + 1) * stride];
            double w2 = sign * p[at + (j + 2) * stride];
            double w3 = sign * p[at + (j + 3) * stride];
            double[] x0 = rows[from + j];
            double[] x1 = rows[from + j + 1];
            double[] x2 = rows[from + j + 2];
            double[] x3 = rows[from + j + 3];
            for (int s = 0; s < width; s++) {
                dst[s] = dst[s] + w0 * x0[s] + w1 * x1[s] + w2 * x2[s] + w3 * x3[s];
            }
        }
        if (j + 1 < j1) {
            double w0 = sign * p[at + j * stride];
            double w1 = sign * p[at + (j + 1) * stride];
            double[] x0 = rows[from + j];
            double[] x1 = rows[from + j + 1];
            for (int s = 0; s < width; s++) {
                dst[s] = dst[s] + w0 * x0[s] + w1 * x1[s];
            }
            j += 2;
        }
        if (j < j1) {
            double w0 = sign * p[at + j * stride];
            double[] x0 = rows[from + j];
            for (int s = 0; s < width; s++) {
                dst[s] += w0 * x0[s];
            }
        }
    }

    /**
     * The activation edges of {@code count} rows in one pass: the residual {@code s = m(z) z - a}
     * into {@code d[sFrom + j]}, and the forces {@code f[zFrom + j] = r - m s} (with
     * {@code r = d[rFrom + j]}, the weight edge's residual) and {@code f[aFrom + j] = s}.
     */
    public static void activationEdges(double[][] state, int zFrom, int aFrom, double[][] d, int rFrom, int sFrom,
            double[][] f, int count, double slope, int width) {
        for (int j = 0; j < count; j++) {
            double[] z = state[zFrom + j];
            double[] a = state[aFrom + j];
            double[] sd = d[sFrom + j];
            double[] r = d[rFrom + j];
            double[] fz = f[zFrom + j];
            double[] fa = f[aFrom + j];
            for (int s = 0; s < width; s++) {
                double sv = HiddenActivation.value(z[s], slope) - a[s];
                sd[s] = sv;
                fz[s] = r[s] - HiddenActivation.mask(z[s], slope) * sv;
                fa[s] = sv;
            }
        }
    }

    /** Sets {@code count} rows from row {@code from} of {@code rows} to zero. */
    public static void clearRows(double[][] rows, int from, int count, int width) {
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(rows[from + i], 0, width, 0.0);
        }
    }

    /** Copies {@code count} rows from row {@code from} of {@code src} to row {@code to} of {@code dst}. */
    public static void copyRows(double[][] src, int from, double[][] dst, int to, int count, int width) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(src[from + i], 0, dst[to + i], 0, width);
        }
    }

    /** {@code dst[to + j] -= sum_i W_ij r[from + i]} for every column {@code j}: the weight edge's pull on its input. */
    public static void pullBack(double[] p, int w, int rows, int cols, double[][] r, int from, double[][] dst, int to,
            int width) {
        int block = LayerLoops.blockRows(width);
        for (int i0 = 0; i0 < rows; i0 += block) {
            int i1 = Math.min(rows, i0 + block);
            for (int j = 0; j < cols; j++) {
                accumulate(dst[to + j], r, from, p, w + j, cols, -1.0, i0, i1, width);
            }
        }
    }

    /**
     * {@code G += sum_s r a^T} over the tile's samples for the {@code rows} rows of {@code W_l}, with
     * {@code r = d[r..]} and {@code a = state[a..]}: row {@code r + i} of {@code g} holds the sums of
     * row {@code i} of {@code W_l} and, after them, of its bias. Layers of at least
     * {@link Routing#TRANSPOSED_GRADIENT_COLS} inputs take the transposed form, the others dot
     * products over the samples.
     */
    public static void addGradient(double[][] g, int rows, int cols, double[][] d, int r, double[][] state, int a,
            Tile tile) {
        if (cols >= Routing.TRANSPOSED_GRADIENT_COLS) {
            addGradientTransposed(g, rows, cols, d, r, state, a, tile);
        } else {
            addGradientByDots(g, rows, cols, d, r, state, a, tile);
        }
    }

    /**
     * The gradient as dot products over the samples: for each row of {@code W}, its bias and weights
     * in threes, each three sums taken in one pass over the samples.
     */
    private static void addGradientByDots(double[][] g, int rows, int cols, double[][] d, int r, double[][] state,
            int a, Tile tile) {
        double[] ones = tile.ones();
        double[] sums = tile.sums();
        for (int i = 0; i < rows; i++) {
            double[] ri = d[r + i];
            double[] gi = g[r + i];
            for (int j = -1; j < cols; j += 3) {
                double[] x0 = j < 0 ? ones : state[a + j];
                double[] x1 = j + 1 < cols ? state[a + j + 1] : ones;
                double[] x2 = j + 2 < cols ? state[a + j + 2] : ones;
                threeDots(ri, x0, x1, x2, tile.width(), sums);
                for (int k = 0; k < 3 && j + k < cols; k++) {
                    gi[j + k < 0 ? cols : j + k] += sums[k];
                }
            }
        }
    }

    /**
     * The gradient of a wide layer with the inputs transposed into one row per sample, so that the
     * innermost loop runs over the inputs ({@code g_i[j] += r_i[s] x_s[j]}, four rows of {@code W}
     * per pass), which the JIT vectorises, where the dot products over the samples are reductions it
     * leaves scalar.
     */
    private static void addGradientTransposed(double[][] g, int rows, int cols, double[][] d, int r,
            double[][] state, int a, Tile tile) {
        int width = tile.width();
        double[][] inputs = tile.transposed(cols);
        for (int j = 0; j < cols; j++) {
            double[] xj = state[a + j];
            for (int s = 0; s < width; s++) {
                inputs[s][j] = xj[s];
            }
        }
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            double[] g0 = g[r + i];
            double[] g1 = g[r + i + 1];
            double[] g2 = g[r + i + 2];
            double[] g3 = g[r + i + 3];
            for (int s = 0; s < width; s++) {
                double[] x = inputs[s];
                double r0 = d[r + i][s];
                double r1 = d[r + i + 1][s];
                double r2 = d[r + i + 2][s];
                double r3 = d[r + i + 3][s];
                for (int j = 0; j < cols; j++) {
                    double v = x[j];
                    g0[j] += r0 * v;
                    g1[j] += r1 * v;
                    g2[j] += r2 * v;
                    g3[j] += r3 * v;
                }
            }
        }
        for (; i < rows; i++) {
            double[] gi = g[r + i];
            for (int s = 0; s < width; s++) {
                double[] x = inputs[s];
                double ri = d[r + i][s];
                for (int j = 0; j < cols; j++) {
                    gi[j] += ri * x[j];
                }
            }
        }
        for (i = 0; i < rows; i++) {
            g[r + i][cols] += LayerLoops.sum(d[r + i], 0, width);
        }
    }

    /**
     * {@code sums[k] = sum_s r[s] x_k[s]} for three rows {@code x_k}, each in four interleaved partial
     * sums, so that twelve multiply-adds are in flight at once.
     */
    private static void threeDots(double[] r, double[] x0, double[] x1, double[] x2, int n, double[] sums) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int s = 0;
        for (; s + 4 <= n; s += 4) {
            // one line per sample of the four: its product with each of the three rows
            a0 = Math.fma(r[s], x0[s], a0); b0 = Math.fma(r[s], x1[s], b0); c0 = Math.fma(r[s], x2[s], c0);
            a1 = Math.fma(r[s + 1], x0[s + 1], a1); b1 = Math.fma(r[s + 1], x1[s + 1], b1); c1 = Math.fma(r[s + 1], x2[s + 1], c1);
            a2 = Math.fma(r[s + 2], x0[s + 2], a2); b2 = Math.fma(r[s + 2], x1[s + 2], b2); c2 = Math.fma(r[s + 2], x2[s + 2], c2);
            a3 = Math.fma(r[s + 3], x0[s + 3], a3); b3 = Math.fma(r[s + 3], x1[s + 3], b3); c3 = Math.fma(r[s + 3], x2[s + 3], c3);
        }
        for (; s < n; s++) {
            a0 = Math.fma(r[s], x0[s], a0); b0 = Math.fma(r[s], x1[s], b0); c0 = Math.fma(r[s], x2[s], c0);
        }
        sums[0] = (a0 + a1) + (a2 + a3);
        sums[1] = (b0 + b1) + (b2 + b3);
        sums[2] = (c0 + c1) + (c2 + c3);
    }
}
