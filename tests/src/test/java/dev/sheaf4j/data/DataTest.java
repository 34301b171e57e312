package dev.sheaf4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.train.Dataset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The synthetic tasks and the real data sets: shapes, determinism, contents, malformed rows. */
class DataTest {
    @Test
    void syntheticTasksAreSeededAndFollowTheirFormulas() {
        for (String name : SyntheticTasks.NAMES) {
            Split a = SyntheticTasks.generate(name, 300, 100, 7);
            Split b = SyntheticTasks.generate(name, 300, 100, 7);
            assertEquals(300, a.train().size());
            assertEquals(100, a.test().size());
            assertArrayEquals(a.train().inputs(), b.train().inputs(), name);
            assertArrayEquals(a.test().targets(), b.test().targets(), name);
        }
        Dataset paraboloid = SyntheticTasks.generate("paraboloid", 300, 1, 3).train();
        for (int s = 0; s < paraboloid.size(); s++) {
            double[] x = paraboloid.input(s);
            assertTrue(Math.abs(x[0]) <= 2 && Math.abs(x[1]) <= 2);
            double noise = paraboloid.target(s)[0] - (x[0] * x[0] + x[1] * x[1] - 2.0 / 3);
            assertTrue(Math.abs(noise) < 0.02 * 6, "noise " + noise + " is not N(0, 0.02^2)");
        }
        Dataset blobs = SyntheticTasks.generate("blobs", 400, 1, 3).train();
        double[] centre = new double[2];
        int count = 0;
        for (int s = 0; s < blobs.size(); s++) {
            if (blobs.target(s)[2] == 1) {
                centre[0] += blobs.input(s)[0];
                centre[1] += blobs.input(s)[1];
                count++;
            }
        }
        assertEquals(1.0, centre[0] / count, 0.3, "blob 3 is centred at (1, 2)");
        assertEquals(2.0, centre[1] / count, 0.3, "blob 3 is centred at (1, 2)");
    }

    @Test
    void irisIsSplitStratifiedAndStandardised() {
        Split iris = RealData.iris(1);
        assertEquals(120, iris.train().size());
        assertEquals(30, iris.test().size());
        double[] perClass = new double[3];
        for (int s = 0; s < iris.test().size(); s++) {
            for (int k = 0; k < 3; k++) {
                perClass[k] += iris.test().target(s)[k];
            }
        }
        assertArrayEquals(new double[] {10, 10, 10}, perClass, 0.0);
        double mean = 0;
        for (int s = 0; s < iris.train().size(); s++) {
            mean += iris.train().input(s)[2] / iris.train().size();
        }
        assertEquals(0.0, mean, 1e-12, "features standardised on the training set");
    }

    @Test
    void mnistHasTheDocumentedSplitAndScaledPixels() {
        Split mnist = RealData.mnist(200, 50);
        assertEquals(200, mnist.train().size());
        assertEquals(784, mnist.train().inputDimension());
        assertEquals(10, mnist.train().targetDimension());
        for (double v : mnist.train().inputs()) {
            assertTrue(v >= 0 && v <= 1);
        }
        double ones = 0;
        for (double v : mnist.test().targets()) {
            ones += v;
        }
        assertEquals(50, ones, 0.0, "one-hot labels");
    }

    @Test
    void malformedRowsAreRejectedWithTheirRowNumber() {
        String csv = "sepal_length,sepal_width,petal_length,petal_width,species\n"
                + "5.1,3.5,1.4,0.2,setosa\n4.9,three,1.4,0.2,setosa\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RealData.iris(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1));
        assertEquals("iris.csv row 2 field 2 is not a number: 'three'", e.getMessage());
        String tulip = "header\n5.1,3.5,1.4,0.2,tulip\n";
        e = assertThrows(IllegalArgumentException.class,
                () -> RealData.iris(new ByteArrayInputStream(tulip.getBytes(StandardCharsets.UTF_8)), 1));
        assertTrue(e.getMessage().startsWith("iris.csv row 1 names an unknown species 'tulip'"), e.getMessage());
        String shortRow = "label,p0\n3,0,0\n";
        e = assertThrows(IllegalArgumentException.class,
                () -> RealData.mnist(new ByteArrayInputStream(shortRow.getBytes(StandardCharsets.UTF_8)), 1, 0));
        assertEquals("mnist-10k.csv row 1 has 3 fields, expected 785 (the label and 784 pixels)", e.getMessage());
    }
}
