package dev.sheaf4j.sheaf;

import dev.sheaf4j.internal.Brief;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The spectrum of {@code L_free} at one activation pattern: the spectral gap {@code lambdaMin},
 * {@code lambdaMax}, their ratio, and the eigenvector of {@code lambdaMin} (the Fiedler vector)
 * with the share of its squared norm in each free block {@code z_1, a_1, ..., z_(k+1)}.
 */
public record Spectrum(double lambdaMin, double lambdaMax, int freeDimension, double[] fiedlerVector,
        Map<String, Double> fiedlerShares) {

    /** {@code lambdaMax / lambdaMin}. */
    public double conditionNumber() {
        return lambdaMax / lambdaMin;
    }

    /**
     * The spectrum of {@code coboundary}'s Laplacian, by a symmetric eigendecomposition.
     *
     * @throws ArithmeticException if {@code lambdaMin} is below what double precision resolves next to
     *     {@code lambdaMax} (the dimension times one ulp of it): {@code L_free} is positive definite, so
     *     such a value, zero or negative as it may come out, says only that the weights are too large or
     *     too uneven for the eigensolver
     */
    public static Spectrum of(Coboundary coboundary) {
        SheafLayout layout = coboundary.layout();
        DMatrixRMaj laplacian = coboundary.laplacian();
        int n = laplacian.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(laplacian)) {
            throw new IllegalStateException("eigendecomposition of L_free (" + n + "x" + n + ") failed");
        }
        int min = 0;
        int max = 0;
        for (int i = 1; i < n; i++) {
            double v = eig.getEigenvalue(i).real;
            if (v < eig.getEigenvalue(min).real) {
                min = i;
            }
            if (v > eig.getEigenvalue(max).real) {
                max = i;
            }
        }
        double lambdaMin = eig.getEigenvalue(min).real;
        double lambdaMax = eig.getEigenvalue(max).real;
        double resolution = n * Math.ulp(lambdaMax);
        if (!(lambdaMin > resolution)) {
            throw new ArithmeticException(String.format(Locale.ROOT, "the spectrum of L_free is below double"
                    + " precision's resolution: lambda_min came out as %.4g next to lambda_max %.4g (resolution"
                    + " %.4g), though it is positive; the weights are too large or too uneven", lambdaMin, lambdaMax,
                    resolution));
        }
        double[] fiedler = eig.getEigenVector(min).getData().clone();
        Map<String, Double> shares = new LinkedHashMap<>();
        double norm = 0;
        for (double v : fiedler) {
            norm += v * v;
        }
        int n0 = layout.architecture().inputs();
        for (Vertex vertex : layout.vertices()) {
            if (vertex.layer() == 0 || vertex.offset() >= layout.linearEnd()) {
                continue;
            }
            double sum = 0;
            for (int i = 0; i < vertex.width(); i++) {
                double v = fiedler[vertex.offset() - n0 + i];
                sum += v * v;
            }
            shares.put(layout.name(vertex), sum / norm);
        }
        return new Spectrum(lambdaMin, lambdaMax, n, fiedler,
                Collections.unmodifiableMap(shares));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum other && Double.compare(lambdaMin, other.lambdaMin) == 0
                && Double.compare(lambdaMax, other.lambdaMax) == 0 && freeDimension == other.freeDimension
                && Arrays.equals(fiedlerVector, other.fiedlerVector) && fiedlerShares.equals(other.fiedlerShares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambdaMin, lambdaMax, freeDimension, Arrays.hashCode(fiedlerVector), fiedlerShares);
    }

    @Override
    public String toString() {
        return "Spectrum[lambdaMin=" + lambdaMin + ", lambdaMax=" + lambdaMax + ", freeDimension=" + freeDimension
                + ", fiedlerVector=" + Brief.of(fiedlerVector) + ", fiedlerShares=" + fiedlerShares + "]";
    }
}
