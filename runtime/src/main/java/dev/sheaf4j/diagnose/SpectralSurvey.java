package dev.sheaf4j.diagnose;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.train.Dataset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spectrum of {@code L_free} over a sample of inputs, each at the activation pattern of its
 * forward pass: the spectral gap, the largest eigenvalue and the condition number summarised, the
 * Fiedler vector's share in each block, and how stable the Fiedler vector is across inputs (the
 * mean absolute cosine between each input's vector and the first input's).
 */
public record SpectralSurvey(Summary lambdaMin, Summary lambdaMax, Summary conditionNumber,
        Map<String, Summary> fiedlerShares, double fiedlerStability, int inputs) {

    /** The survey of the first {@code count} inputs of {@code data}. */
    public static SpectralSurvey of(SheafModel model, Dataset data, int count) {
        int n = Math.min(count, data.size());
        if (n < 1) {
            throw new IllegalArgumentException("a spectral survey needs at least one input");
        }
        double[] min = new double[n];
        double[] max = new double[n];
        double[] condition = new double[n];
        Map<String, double[]> shares = new LinkedHashMap<>();
        double[] first = null;
        double cosines = 0;
        for (int s = 0; s < n; s++) {
            Spectrum spectrum = model.spectrum(data.input(s));
            min[s] = spectrum.lambdaMin();
            max[s] = spectrum.lambdaMax();
            condition[s] = spectrum.conditionNumber();
            for (Map.Entry<String, Double> e : spectrum.fiedlerShares().entrySet()) {
                shares.computeIfAbsent(e.getKey(), k -> new double[n])[s] = e.getValue();
            }
            double[] fiedler = spectrum.fiedlerVector();
            if (first == null) {
                first = fiedler;
            }
            cosines += Math.abs(cosine(first, fiedler)) / n;
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        shares.forEach((block, values) -> summaries.put(block, Summary.of(values)));
        return new SpectralSurvey(Summary.of(min), Summary.of(max), Summary.of(condition),
                Collections.unmodifiableMap(summaries), cosines, n);
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The blocks in forward order. */
    public List<String> blocks() {
        return List.copyOf(fiedlerShares.keySet());
    }
}
