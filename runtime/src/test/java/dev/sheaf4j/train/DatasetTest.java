package dev.sheaf4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Datasets from rows and from CSV files, and the one-line errors for malformed ones. */
class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void rowsBecomeTheDimensionBySampleLayout() {
        Dataset data = Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{7}, {8}, {9}});
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, data.inputs());
        assertArrayEquals(new double[] {7, 8, 9}, data.targets());
        assertArrayEquals(new double[] {3, 4}, data.input(1));
        assertEquals(data, Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {7, 8, 9}));
    }

    @Test
    void badRowsAreNamed() {
        refused(() -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[] {1, 2}),
                "input row 1 has 1 values, row 0 has 2");
        refused(() -> Dataset.of(new double[][] {{1}, {2}}, new double[] {1}), "got 2 and 1");
        refused(() -> Dataset.of(new double[][] {{1}, null}, new double[] {1, 2}), "input row 1 has no values");
        refused(() -> Dataset.of(new double[][] {{}}, new double[] {1}), "input row 0 is empty");
        refused(() -> Dataset.of(new double[][] {{Double.NaN}}, new double[] {1}), "inputs must be finite");
    }

    @Test
    void aCsvFileIsReadWithOrWithoutAHeader() throws IOException {
        Dataset expected = Dataset.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0.5, 1}, {-1e-3, 0}});
        assertEquals(expected, Dataset.fromCsv(csv("x1,x2,y1,y2\n1,2,0.5,1\n\n 3 , 4,-1e-3,0\n"), 2));
        assertEquals(expected, Dataset.fromCsv(csv("1,2,0.5,1\r\n3,4,-1e-3,0\r\n"), 2));
        Dataset oneTarget = Dataset.fromCsv(csv("1,2,0.5,1\n3,4,-1e-3,0\n"), 3);
        assertEquals(3, oneTarget.inputDimension());
        assertArrayEquals(new double[] {1, 0}, oneTarget.targets());
    }

    @Test
    void aMalformedCsvFileIsRefusedNamingTheFileAndLine() throws IOException {
        Path bad = csv("x,y\n1,2\n3,oops\n");
        csvRefused(bad, 1, bad + " line 3 column 2: 'oops' is not a number");
        csvRefused(csv("1,2\n3,4,5\n"), 1, "line 2 has 3 columns, line 1 has 2");
        csvRefused(csv("1,2\n3,NaN\n"), 1, "line 2 column 2: NaN is not a finite number");
        csvRefused(csv("1,2\n3,\n"), 1, "line 2 column 2: '' is not a number");
        csvRefused(csv("1,2\n3,4\n"), 2, "line 1 has 2 columns, but 2 inputs leave none for the targets");
        csvRefused(csv("x,y\n\n"), 1, "has no data rows");
        csvRefused(dir.resolve("missing.csv"), 1, "missing.csv: no such file");
        refused(() -> Dataset.fromCsv(csv("1,2\n"), 0), "at least one input column, got 0");
    }

    private Path csv(String text) throws IOException {
        Path file = Files.createTempFile(dir, "data", ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static void csvRefused(Path file, int inputs, String expected) {
        IOException e = assertThrows(IOException.class, () -> Dataset.fromCsv(file, inputs));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static void refused(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
