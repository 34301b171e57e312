package dev.sheaf4j.data;

import dev.sheaf4j.train.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Loaders for Iris and the 10,000 MNIST digits shipped with the examples (see {@code data/README.md}
 * for their sources). A malformed row is rejected with its row number.
 */
public final class RealData {
    /** The Iris species, in the order of the one-hot targets. */
    public static final List<String> IRIS_SPECIES = List.of("setosa", "versicolor", "virginica");

    private RealData() {
    }

    /**
     * Iris with a stratified 80/20 split drawn from {@code seed}; features standardised with the
     * training set's mean and deviation.
     */
    public static Split iris(long seed) {
        return iris(resource("/data/iris.csv"), seed);
    }

    /** Iris read from {@code csv} (a header line, then rows as in {@code iris.csv}), split as {@link #iris(long)}. */
    public static Split iris(InputStream csv, long seed) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        readCsv(csv, "iris.csv", (row, fields) -> {
            if (fields.length != 5) {
                throw new IllegalArgumentException("iris.csv row " + row + " has " + fields.length
                        + " fields, expected 5 (four measurements and the species)");
            }
            int species = IRIS_SPECIES.indexOf(fields[4].trim().toLowerCase(Locale.ROOT));
            if (species < 0) {
                throw new IllegalArgumentException("iris.csv row " + row + " names an unknown species '" + fields[4]
                        + "'; expected one of " + IRIS_SPECIES);
            }
            rows.add(numbers(fields, 0, 4, "iris.csv", row));
            labels.add(species);
        });
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < IRIS_SPECIES.size(); k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i) == k) {
                    members.add(i);
                }
            }
            shuffle(members, random);
            int cut = (int) Math.round(0.8 * members.size());
            train.addAll(members.subList(0, cut));
            test.addAll(members.subList(cut, members.size()));
        }
        double[][] x = rows.toArray(new double[0][]);
        double[][] y = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            y[i][labels.get(i)] = 1;
        }
        standardise(x, train);
        Dataset all = Dataset.of(x, y);
        return new Split(all.select(train.stream().mapToInt(Integer::intValue).toArray()),
                all.select(test.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The MNIST digits: rows 0..7999 for training, 8000..9999 for testing, pixels scaled to [0, 1]. */
    public static Split mnist() {
        return mnist(8000, 2000);
    }

    /** The first {@code train} rows for training and the next {@code test} for testing. */
    public static Split mnist(int train, int test) {
        try {
            return mnist(new GZIPInputStream(resource("/data/mnist-10k.csv.gz")), train, test);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mnist-10k.csv.gz", e);
        }
    }

    /** MNIST read from {@code csv} (a header line, then rows as in {@code mnist-10k.csv}), split as above. */
    public static Split mnist(InputStream csv, int train, int test) {
        List<double[]> rows = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        readCsv(csv, "mnist-10k.csv", (row, fields) -> {
            if (rows.size() >= train + test) {
                return;
            }
            if (fields.length != 785) {
                throw new IllegalArgumentException("mnist-10k.csv row " + row + " has " + fields.length
                        + " fields, expected 785 (the label and 784 pixels)");
            }
            double[] values = numbers(fields, 0, 785, "mnist-10k.csv", row);
            int label = (int) values[0];
            if (label != values[0] || label < 0 || label > 9) {
                throw new IllegalArgumentException("mnist-10k.csv row " + row + " has label " + fields[0]
                        + ", expected a digit 0..9");
            }
            double[] pixels = new double[784];
            for (int i = 0; i < 784; i++) {
                double v = values[i + 1];
                if (v < 0 || v > 255) {
                    throw new IllegalArgumentException("mnist-10k.csv row " + row + " has grey level " + v
                            + " at pixel " + i + ", expected 0..255");
                }
                pixels[i] = v / 255.0;
            }
            double[] target = new double[10];
            target[label] = 1;
            rows.add(pixels);
            targets.add(target);
        });
        if (rows.size() < train + test) {
            throw new IllegalArgumentException("mnist-10k.csv has " + rows.size() + " rows, fewer than the " + (train + test)
                    + " asked for");
        }
        Dataset all = Dataset.of(rows.toArray(new double[0][]), targets.toArray(new double[0][]));
        return new Split(all.select(SyntheticTasks.range(0, train)), all.select(SyntheticTasks.range(train, train + test)));
    }

    /** Reads one CSV row's fields; {@code row} counts data rows from 1, after the header. */
    interface RowReader {
        void read(int row, String[] fields);
    }

    private static InputStream resource(String name) {
        InputStream in = RealData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("data file " + name + " is missing from the build");
        }
        return in;
    }

    /** Reads {@code in} (closing it): skips the header, hands every non-blank row to {@code reader}. */
    static void readCsv(InputStream in, String file, RowReader reader) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine();
            String line;
            int row = 0;
            while ((line = lines.readLine()) != null) {
                row++;
                if (!line.isBlank()) {
                    reader.read(row, line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static double[] numbers(String[] fields, int from, int to, String file, int row) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            try {
                out[i - from] = Double.parseDouble(fields[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " row " + row + " field " + (i + 1) + " is not a number: '"
                        + fields[i] + "'");
            }
            if (!Double.isFinite(out[i - from])) {
                throw new IllegalArgumentException(file + " row " + row + " field " + (i + 1) + " is not finite");
            }
        }
        return out;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static void standardise(double[][] x, List<Integer> train) {
        int d = x[0].length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i : train) {
                mean += x[i][j] / train.size();
            }
            double var = 0;
            for (int i : train) {
                var += (x[i][j] - mean) * (x[i][j] - mean) / train.size();
            }
            double sd = Math.sqrt(var);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / (sd > 0 ? sd : 1);
            }
        }
    }

}
