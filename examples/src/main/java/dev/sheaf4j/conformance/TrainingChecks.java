package dev.sheaf4j.conformance;

import com.google.gson.JsonObject;
import dev.sheaf4j.Sheaf;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a training fixture. The spectrum of the trained network is checked now; the
 * training runs themselves need the trainer and report {@code SKIP} until it exists.
 */
final class TrainingChecks {
    static final Tolerance TRAINED_SPECTRUM = Tolerance.relative(1e-8);

    private final JsonObject root;

    TrainingChecks(JsonObject root) {
        this.root = root;
    }

    List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        if (root.has("sheafTraining")) {
            results.add(CheckResult.skip("sheafTraining", "needs the sheaf trainer (training issue)"));
        }
        if (root.has("sgdBaseline")) {
            results.add(CheckResult.skip("sgdBaseline", "needs the SGD baseline (training issue)"));
        }
        if (root.has("spectrumOfTrainedNetworkOnFirstTestInput")) {
            String name = "trained spectrum";
            try {
                JsonObject trained = root.getAsJsonObject("sheafTraining").getAsJsonObject("finalNetwork");
                Sheaf sheaf = Sheaf.of(FixtureReader.network(trained));
                double[] x = FixtureReader.column(FixtureReader.array(root.getAsJsonObject("data"), "xTest"), 0);
                InferenceChecks.spectrum(root.getAsJsonObject("spectrumOfTrainedNetworkOnFirstTestInput"), sheaf, x,
                        name, TRAINED_SPECTRUM, results);
            } catch (RuntimeException e) {
                results.add(CheckResult.error(name, e));
            }
        }
        return results;
    }
}
