package dev.sheaf4j.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads the pieces of a conformance fixture (networks, stalk states, pins) into runtime objects. */
final class FixtureReader {
    private FixtureReader() {
    }

    /** A fixture stalk with its place in the sheaf. */
    record Located(String label, int layer, Stalk stalk, double[] values) {
        Checks.Labelled labelled() {
            return new Checks.Labelled(label, values);
        }
    }

    /** A {@code network} object: {@code layers}, {@code outputActivation}, {@code weights}, {@code biases}. */
    static Network network(JsonObject json) {
        int[] widths = ints(array(json, "layers"));
        OutputActivation head = outputActivation(json.has("outputActivation")
                ? json.get("outputActivation").getAsString() : "identity");
        double[] slopes = new double[Math.max(0, widths.length - 2)];
        if (json.has("negativeSlope")) {
            Arrays.fill(slopes, json.get("negativeSlope").getAsDouble());
        }
        Architecture arch = new Architecture(widths, slopes, head);
        JsonArray w = array(json, "weights");
        JsonArray b = array(json, "biases");
        double[][][] weights = new double[w.size()][][];
        double[][] biases = new double[b.size()][];
        for (int l = 0; l < w.size(); l++) {
            weights[l] = matrix(w.get(l).getAsJsonArray());
        }
        for (int l = 0; l < b.size(); l++) {
            biases[l] = doubles(b.get(l).getAsJsonArray());
        }
        return Network.of(arch, weights, biases);
    }

    static OutputActivation outputActivation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "identity", "linear", "none" -> OutputActivation.IDENTITY;
            case "sigmoid" -> OutputActivation.SIGMOID;
            case "softmax" -> OutputActivation.SOFTMAX;
            default -> throw new IllegalArgumentException("unknown outputActivation '" + name
                    + "' (expected identity, sigmoid or softmax)");
        };
    }

    /** A one-sample state from an input and a stalk object. */
    static SheafState state(SheafLayout layout, double[] input, JsonObject stalks) {
        SheafState state = new SheafState(layout, 1);
        state.setInput(0, input);
        for (Located stalk : stalks(layout, stalks)) {
            state.setStalk(stalk.layer(), stalk.stalk(), 0, stalk.values());
        }
        return state;
    }

    /**
     * The stalks listed in a fixture state object ({@code z} per layer, {@code a} per hidden layer,
     * optional {@code aOutput}), labelled as the runtime names them.
     */
    static List<Located> stalks(SheafLayout layout, JsonObject json) {
        List<Located> out = new ArrayList<>();
        JsonArray z = array(json, "z");
        int layers = layout.layers();
        if (z.size() != layers) {
            throw new IllegalArgumentException("state lists " + z.size() + " z layers, the network has " + layers);
        }
        JsonArray a = json.has("a") ? json.getAsJsonArray("a") : new JsonArray();
        if (a.size() != layers - 1) {
            throw new IllegalArgumentException("state lists " + a.size() + " hidden a layers, the network has "
                    + (layers - 1));
        }
        for (int l = 1; l <= layers; l++) {
            out.add(new Located("z_" + l, l, Stalk.PRE, doubles(z.get(l - 1).getAsJsonArray())));
            if (l < layers) {
                out.add(new Located("a_" + l, l, Stalk.POST, doubles(a.get(l - 1).getAsJsonArray())));
            }
        }
        if (json.has("aOutput") && !json.get("aOutput").isJsonNull()) {
            out.add(new Located("a_out", layers, Stalk.POST, doubles(json.getAsJsonArray("aOutput"))));
        }
        return out;
    }

    /** The same stalks read from {@code state}, in the order of {@code reference}. */
    static List<Checks.Labelled> sameStalks(SheafState state, List<Located> reference) {
        List<Checks.Labelled> out = new ArrayList<>();
        for (Located r : reference) {
            out.add(new Checks.Labelled(r.label(), state.stalk(r.layer(), r.stalk(), 0)));
        }
        return out;
    }

    /** Labels of {@code stalks} with their values. */
    static List<Checks.Labelled> labelled(List<Located> stalks) {
        return stalks.stream().map(Located::labelled).toList();
    }

    /**
     * A pin description ({@code stalk} {@code z}, {@code a} or {@code aOutput}; {@code layer} 0-based
     * into that stalk's list, where {@code a} layer 0 is the input; {@code coords}, null for the whole
     * stalk; {@code value}; {@code gamma} for a soft pin) added to {@code pins}.
     */
    static void addPin(Pins.Builder pins, JsonObject json, SheafLayout layout, boolean soft) {
        String stalkName = json.get("stalk").getAsString();
        int index = json.has("layer") ? json.get("layer").getAsInt() : 0;
        int layer;
        Stalk stalk;
        switch (stalkName) {
            case "z" -> {
                layer = index + 1;
                stalk = Stalk.PRE;
            }
            case "a" -> {
                layer = index;
                stalk = index == 0 ? Stalk.PRE : Stalk.POST;
            }
            case "aOutput", "a_out" -> {
                layer = layout.layers();
                stalk = Stalk.POST;
            }
            case "x", "input" -> {
                layer = 0;
                stalk = Stalk.PRE;
            }
            default -> throw new IllegalArgumentException("unknown pin stalk '" + stalkName
                    + "' (expected z, a or aOutput)");
        }
        if (layer < 0 || layer > layout.layers()) {
            throw new IllegalArgumentException("pin layer " + index + " of stalk " + stalkName + " does not exist");
        }
        int width = layout.architecture().width(layer);
        int[] coords = json.has("coords") && !json.get("coords").isJsonNull()
                ? ints(json.getAsJsonArray("coords")) : range(width);
        double value = json.get("value").getAsDouble();
        for (int c : coords) {
            Coordinate coordinate = new Coordinate(layer, stalk, c);
            if (soft) {
                pins.soft(coordinate, value, json.get("gamma").getAsDouble());
            } else {
                pins.hard(coordinate, value);
            }
        }
    }

    static JsonArray array(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("missing array field '" + field + "'");
        }
        return e.getAsJsonArray();
    }

    static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }

    static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }

    static double[][] matrix(JsonArray rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i).getAsJsonArray());
        }
        return out;
    }

    /** Column {@code sample} of a {@code [dimension][sample]} array. */
    static double[] column(JsonArray rows, int sample) {
        double[] out = new double[rows.size()];
        for (int d = 0; d < out.length; d++) {
            out[d] = rows.get(d).getAsJsonArray().get(sample).getAsDouble();
        }
        return out;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
