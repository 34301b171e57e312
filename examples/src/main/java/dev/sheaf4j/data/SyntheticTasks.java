package dev.sheaf4j.data;

import dev.sheaf4j.train.Dataset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The paper's four synthetic tasks, drawn from a seeded generator: the
 * paraboloid and the saddle (regression), the circle (binary) and four blobs (four classes).
 */
public final class SyntheticTasks {
    private static final double[][] BLOB_CENTRES = {{-1.5, -1.5}, {1.8, -1.0}, {1.0, 2.0}, {-2.0, 1.5}};
    private static final double[][][] BLOB_COVARIANCES = {
        {{0.8, 0.3}, {0.3, 0.4}}, {{0.3, -0.2}, {-0.2, 1.0}}, {{1.2, 0.5}, {0.5, 0.5}}, {{0.5, 0.0}, {0.0, 0.8}}};

    private SyntheticTasks() {
    }

    /** The task names: paraboloid, saddle, circle, blobs. */
    public static final String[] NAMES = {"paraboloid", "saddle", "circle", "blobs"};

    /** {@code train} and {@code test} samples of task {@code name}, from {@code seed}. */
    public static Split generate(String name, int train, int test, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset all = switch (name.toLowerCase(Locale.ROOT)) {
            case "paraboloid" -> paraboloid(random, train + test);
            case "saddle" -> saddle(random, train + test);
            case "circle" -> circle(random, train + test);
            case "blobs" -> blobs(random, train + test);
            default -> throw new IllegalArgumentException("unknown task '" + name
                    + "'; choose paraboloid, saddle, circle or blobs");
        };
        return new Split(all.select(range(0, train)), all.select(range(train, train + test)));
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static Dataset paraboloid(SplittableRandom random, int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int s = 0; s < n; s++) {
            double a = random.nextDouble(-2, 2);
            double b = random.nextDouble(-2, 2);
            x[s] = new double[] {a, b};
            y[s] = new double[] {a * a + b * b - 2.0 / 3 + 0.02 * random.nextGaussian()};
        }
        return Dataset.of(x, y);
    }

    private static Dataset saddle(SplittableRandom random, int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int s = 0; s < n; s++) {
            double a = random.nextDouble(0, 2);
            double b = random.nextDouble(0, 2);
            x[s] = new double[] {a, b};
            y[s] = new double[] {a * a - b * b + 0.5 * Math.sin(2 * a) + 0.02 * random.nextGaussian()};
        }
        return Dataset.of(x, y);
    }

    private static Dataset circle(SplittableRandom random, int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int s = 0; s < n; s++) {
            int label = random.nextInt(2);
            double u = random.nextDouble();
            double radius = (label == 0 ? Math.sqrt(u) : Math.sqrt(1.5 * 1.5 + u * (2.5 * 2.5 - 1.5 * 1.5)))
                    + 0.1 * random.nextGaussian();
            double angle = random.nextDouble(0, 2 * Math.PI);
            x[s] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            y[s] = new double[] {label};
        }
        return Dataset.of(x, y);
    }

    private static Dataset blobs(SplittableRandom random, int n) {
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int s = 0; s < n; s++) {
            int k = random.nextInt(4);
            double[][] c = BLOB_COVARIANCES[k];
            // Cholesky factor of the 2x2 covariance
            double l11 = Math.sqrt(c[0][0]);
            double l21 = c[1][0] / l11;
            double l22 = Math.sqrt(c[1][1] - l21 * l21);
            double g1 = random.nextGaussian();
            double g2 = random.nextGaussian();
            x[s] = new double[] {BLOB_CENTRES[k][0] + l11 * g1, BLOB_CENTRES[k][1] + l21 * g1 + l22 * g2};
            y[s] = new double[4];
            y[s][k] = 1;
        }
        return Dataset.of(x, y);
    }
}
