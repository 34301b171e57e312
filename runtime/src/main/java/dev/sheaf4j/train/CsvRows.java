package dev.sheaf4j.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a dataset from a CSV file of numbers, naming the file and line of anything malformed. */
final class CsvRows {
    private final Path file;
    private final int inputColumns;
    private final List<double[]> inputs = new ArrayList<>();
    private final List<double[]> targets = new ArrayList<>();
    private boolean started;
    private int columns;
    private int firstRowLine;

    private CsvRows(Path file, int inputColumns) {
        this.file = file;
        this.inputColumns = inputColumns;
    }

    static Dataset read(Path file, int inputColumns) throws IOException {
        if (inputColumns < 1) {
            throw new IllegalArgumentException("a dataset needs at least one input column, got " + inputColumns
                    + " for " + file);
        }
        CsvRows rows = new CsvRows(file, inputColumns);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1), number);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        if (rows.inputs.isEmpty()) {
            throw new IOException(file + " has no data rows");
        }
        return Dataset.of(rows.inputs.toArray(new double[0][]), rows.targets.toArray(new double[0][]));
    }

    private void add(String[] fields, int line) throws IOException {
        boolean first = !started;
        started = true;
        if (first && isHeader(fields[0])) {
            return;
        }
        if (columns == 0) {
            columns = fields.length;
            firstRowLine = line;
            if (columns <= inputColumns) {
                throw new IOException(file + " line " + line + " has " + columns + " columns, but " + inputColumns
                        + " inputs leave none for the targets");
            }
        } else if (fields.length != columns) {
            throw new IOException(file + " line " + line + " has " + fields.length + " columns, line " + firstRowLine
                    + " has " + columns);
        }
        double[] values = new double[columns];
        for (int c = 0; c < columns; c++) {
            values[c] = number(fields[c].trim(), line, c + 1);
        }
        inputs.add(Arrays.copyOfRange(values, 0, inputColumns));
        targets.add(Arrays.copyOfRange(values, inputColumns, columns));
    }

    /** Whether the first non-blank line is a header: its first field is not a number. */
    private static boolean isHeader(String firstField) {
        try {
            Double.parseDouble(firstField.trim());
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private double number(String field, int line, int column) throws IOException {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + line + " column " + column + ": '" + field + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IOException(file + " line " + line + " column " + column + ": " + field
                    + " is not a finite number");
        }
        return value;
    }
}
