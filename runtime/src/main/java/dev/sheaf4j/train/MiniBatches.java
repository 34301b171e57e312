package dev.sheaf4j.train;

import java.util.SplittableRandom;

/**
 * Mini-batches of a training set: the next {@code size} indices of a seeded shuffle, reshuffled
 * after each pass, and the gathering and scattering of their columns in {@code (row, sample)}
 * arrays.
 */
final class MiniBatches {
    private final int[] order;
    private final int size;
    private final SplittableRandom random;
    private int cursor;

    MiniBatches(int samples, int size, long seed) {
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        this.size = size;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        shuffle();
    }

    /** The indices of the next batch. */
    int[] next() {
        if (cursor + size > order.length) {
            shuffle();
            cursor = 0;
        }
        int[] batch = new int[size];
        System.arraycopy(order, cursor, batch, 0, size);
        cursor += size;
        return batch;
    }

    private void shuffle() {
        shuffle(order, random);
    }

    /** Shuffles {@code order} in place (Fisher-Yates) with {@code random}. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** {@code batch[r * b + k] = full[r * n + indices[k]]} for the first {@code rows} rows. */
    static void gather(double[] full, int n, int[] indices, double[] batch, int rows) {
        int b = indices.length;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < b; k++) {
                batch[r * b + k] = full[r * n + indices[k]];
            }
        }
    }

    /** The reverse of {@link #gather}. */
    static void scatter(double[] batch, int[] indices, double[] full, int n, int rows) {
        int b = indices.length;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < b; k++) {
                full[r * n + indices[k]] = batch[r * b + k];
            }
        }
    }
}
