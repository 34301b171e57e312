package dev.sheaf4j.bench.jmh;

import dev.sheaf4j.kernel.HiddenActivation;
import dev.sheaf4j.kernel.LayerLoops;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Why the batch loops do not vectorise: the forces of the activation edges of a 30-wide hidden
 * layer on a batch, once as the kernels run them on one flat array per quantity with the rows at
 * offsets known only at run time ({@code FLAT}), and once with every row its own array
 * ({@code ROWS}). The arithmetic is the same; only the addressing differs. The JIT vectorises a loop
 * only when it can tell how all its accesses of one element type line up, which offsets computed
 * at run time into the same kind of array hide from it.
 */
@State(Scope.Thread)
public class RowLayoutBenchmark extends AverageTimeBenchmark {
    private static final int WIDTH = 30;

    @Param({"FLAT", "ROWS"})
    String layout;

    @Param({"300"})
    int batch;

    private double[] state;
    private double[] discrepancies;
    private double[] forces;
    private double[][] zRows;
    private double[][] rRows;
    private double[][] sRows;
    private double[][] fzRows;
    private double[][] faRows;
    private int z;
    private int a;
    private int s;

    /** Seeded Gaussian stalks and discrepancies, laid out both ways. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        z = 2 * batch;
        a = z + WIDTH * batch;
        s = WIDTH * batch;
        state = new double[(2 + 2 * WIDTH) * batch];
        discrepancies = new double[2 * WIDTH * batch];
        forces = new double[state.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextGaussian();
        }
        for (int i = 0; i < discrepancies.length; i++) {
            discrepancies[i] = random.nextGaussian();
        }
        zRows = rows(state, z);
        rRows = rows(discrepancies, 0);
        sRows = rows(discrepancies, s);
        fzRows = new double[WIDTH][batch];
        faRows = new double[WIDTH][batch];
    }

    private double[][] rows(double[] flat, int from) {
        double[][] rows = new double[WIDTH][];
        for (int j = 0; j < WIDTH; j++) {
            rows[j] = java.util.Arrays.copyOfRange(flat, from + j * batch, from + (j + 1) * batch);
        }
        return rows;
    }

    /** {@code f_z = r - m s} and {@code f_a = s} over the layer's rows. */
    @Benchmark
    public void activationForces() {
        if (layout.equals("FLAT")) {
            LayerLoops.activationForces(state, z, a, discrepancies, 0, s, forces, WIDTH * batch, 0.0);
            return;
        }
        for (int j = 0; j < WIDTH; j++) {
            double[] zr = zRows[j];
            double[] r = rRows[j];
            double[] sr = sRows[j];
            double[] fz = fzRows[j];
            double[] fa = faRows[j];
            for (int k = 0; k < batch; k++) {
                double sv = sr[k];
                fz[k] = r[k] - HiddenActivation.mask(zr[k], 0.0) * sv;
                fa[k] = sv;
            }
        }
    }
}
