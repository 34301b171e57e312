package dev.sheaf4j.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.TrainingRequest;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.StalkInit;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of a training fixture: sheaf training's per-epoch losses and final weights, the
 * gradient-descent baseline's final losses, and the spectrum of the trained network.
 */
final class TrainingChecks {
    static final Tolerance LOSS = Tolerance.relative(1e-6);
    static final Tolerance WEIGHTS = Tolerance.absolute(1e-6);
    static final Tolerance TRAINED_SPECTRUM = Tolerance.relative(1e-8);

    private final JsonObject root;
    private final List<CheckResult> results = new ArrayList<>();

    TrainingChecks(JsonObject root) {
        this.root = root;
    }

    List<CheckResult> run() {
        Dataset train = null;
        Dataset test = null;
        Network initial = null;
        try {
            JsonObject data = root.getAsJsonObject("data");
            train = dataset(data, "xTrain", "yTrain");
            test = dataset(data, "xTest", "yTest");
            initial = FixtureReader.network(root.getAsJsonObject("initialNetwork"));
        } catch (RuntimeException e) {
            results.add(CheckResult.error("load training data", e));
        }
        if (initial != null && root.has("sheafTraining")) {
            sheafTraining(root.getAsJsonObject("sheafTraining"), initial, train, test);
        }
        if (initial != null && root.has("sgdBaseline")) {
            sgdBaseline(root.getAsJsonObject("sgdBaseline"), initial, train, test);
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

    private static Dataset dataset(JsonObject data, String x, String y) {
        double[][] inputs = FixtureReader.matrix(FixtureReader.array(data, x));
        double[][] targets = FixtureReader.matrix(FixtureReader.array(data, y));
        int n = inputs[0].length;
        double[] xs = new double[inputs.length * n];
        double[] ys = new double[targets.length * n];
        for (int d = 0; d < inputs.length; d++) {
            System.arraycopy(inputs[d], 0, xs, d * n, n);
        }
        for (int d = 0; d < targets.length; d++) {
            System.arraycopy(targets[d], 0, ys, d * n, n);
        }
        return new Dataset(n, inputs.length, targets.length, xs, ys);
    }

    private void sheafTraining(JsonObject json, Network initial, Dataset train, Dataset test) {
        String name = "sheafTraining";
        try {
            TrainingSettings settings = new TrainingSettings(json.get("alpha").getAsDouble(),
                    json.get("beta").getAsDouble(), json.get("dt").getAsDouble(), json.get("epochs").getAsInt(),
                    json.get("stepsPerEpoch").getAsInt(), json.get("warmStart").getAsBoolean(),
                    StalkInit.valueOf(json.get("stalkInit").getAsString().toUpperCase(Locale.ROOT)), 0, 0, 1);
            TrainingRequest request = Sheaf.of(initial).training(train).settings(settings);
            TrainingResult result = (test == null ? request : request.test(test)).run().result();
            lossCurve(name + " train loss", result.trainLoss(), json.getAsJsonArray("trainLossPerEpoch"));
            if (json.has("testLossPerEpoch")) {
                lossCurve(name + " test loss", result.testLoss(), json.getAsJsonArray("testLossPerEpoch"));
            }
            Network reference = FixtureReader.network(json.getAsJsonObject("finalNetwork"));
            List<Checks.Labelled> got = new ArrayList<>();
            List<Checks.Labelled> expected = new ArrayList<>();
            for (int l = 1; l <= initial.architecture().layers(); l++) {
                got.add(new Checks.Labelled("W_" + l, flatten(result.network().weights(l))));
                expected.add(new Checks.Labelled("W_" + l, flatten(reference.weights(l))));
                got.add(new Checks.Labelled("b_" + l, result.network().biases(l)));
                expected.add(new Checks.Labelled("b_" + l, reference.biases(l)));
            }
            results.add(Checks.vectors(name + " final weights", got, expected, WEIGHTS));
        } catch (RuntimeException e) {
            results.add(CheckResult.error(name, e));
        }
    }

    private void lossCurve(String name, double[] got, JsonArray expected) {
        double[] want = FixtureReader.doubles(expected);
        results.add(Checks.vectors(name + " per epoch", List.of(new Checks.Labelled("epoch", got)),
                List.of(new Checks.Labelled("epoch", want)), LOSS));
    }

    private void sgdBaseline(JsonObject json, Network initial, Dataset train, Dataset test) {
        String name = "sgdBaseline";
        try {
            int epochs = json.get("epochs").getAsInt();
            boolean fullBatch = !json.has("fullBatch") || json.get("fullBatch").getAsBoolean();
            if (!fullBatch) {
                results.add(CheckResult.skip(name, "the fixture's mini-batch order cannot be reproduced"));
                return;
            }
            GradientDescent.Result result = GradientDescent.train(Sheaf.of(initial).kernel(), initial, train, test,
                    json.get("learningRate").getAsDouble(), epochs, train.size(), 0, epochs);
            results.add(Checks.scalar(name + " final train loss", result.trainLoss()[result.trainLoss().length - 1],
                    json.get("finalTrainLoss").getAsDouble(), LOSS));
            results.add(Checks.scalar(name + " final test loss", result.testLoss()[result.testLoss().length - 1],
                    json.get("finalTestLoss").getAsDouble(), LOSS));
        } catch (RuntimeException e) {
            results.add(CheckResult.error(name, e));
        }
    }

    private static double[] flatten(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
