package dev.sheaf4j.kernel;

/**
 * The loops of one layer's edges on a batch in {@code (coordinate, sample)} layout, with every size
 * and offset passed in: the generic kernel calls them for every layer, generated kernels for the
 * layers too large to unroll (with constant arguments). Offsets are element offsets into the arrays
 * (already multiplied by the batch size); {@code w} and {@code b} are the offsets of {@code W_l} and
 * {@code b_l} in the parameter array, {@code rows} and {@code cols} the shape of {@code W_l}.
 */
public final class LayerLoops {
    private LayerLoops() {
    }

    /**
     * How many input rows of a batch the loops keep in cache at once (a quarter of a megabyte): the
     * inputs are taken in blocks of this many rows, for every output row in turn, so that wide
     * layers on large batches do not stream their inputs from memory once per output.
     */
    private static int blockRows(int batch) {
        return Math.max(1, 32_768 / batch);
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
        int block = blockRows(batch);
        for (int j0 = 0; j0 < cols; j0 += block) {
            int j1 = Math.min(cols, j0 + block);
            for (int i = 0; i < rows; i++) {
                int row = to + i * batch;
                for (int j = j0; j < j1; j++) {
                    double wij = p[w + i * cols + j];
                    int col = from + j * batch;
                    for (int s = 0; s < batch; s++) {
                        dst[row + s] += wij * src[col + s];
                    }
                }
            }
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
            double v = state[z + i];
            state[a + i] = v >= 0 ? v : slope * v;
        }
    }

    /** {@code out[s..] = m * state[z..] - state[a..]}: the activation edge's discrepancy. */
    public static void activationResidual(double[] state, int z, int a, double[] out, int s, int count, double slope) {
        for (int i = 0; i < count; i++) {
            double v = state[z + i];
            out[s + i] = (v >= 0 ? v : slope * v) - state[a + i];
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
            double m = state[z + i] >= 0 ? 1.0 : slope;
            f[z + i] = d[r + i] - m * sv;
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
        for (int j0 = 0; j0 < cols; j0 += block) {
            int j1 = Math.min(cols, j0 + block);
            for (int i = 0; i < rows; i++) {
                int row = from + i * batch;
                for (int j = j0; j < j1; j++) {
                    double wij = p[w + i * cols + j];
                    int col = to + j * batch;
                    for (int s = 0; s < batch; s++) {
                        dst[col + s] -= wij * r[row + s];
                    }
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
            int row = r + i * batch;
            double biasSum = 0;
            for (int s = 0; s < batch; s++) {
                biasSum += d[row + s];
            }
            for (int j = 0; j < cols; j++) {
                int col = a + j * batch;
                double sum = 0;
                for (int s = 0; s < batch; s++) {
                    sum += d[row + s] * state[col + s];
                }
                p[w + i * cols + j] -= betaDt * sum;
            }
            p[b + i] -= betaDt * biasSum;
        }
    }
}
