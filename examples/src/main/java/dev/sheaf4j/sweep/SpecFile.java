package dev.sheaf4j.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.sheaf4j.io.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep's grid read from a JSON object whose keys are the names of {@link TrialSettings#NAMES},
 * each with one value or an array of values, for example
 * {@code {"task": "paraboloid", "betaN": [0.3, 1, 3], "seed": [1, 2, 3], "epochs": 20}}.
 */
public final class SpecFile {
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(Map.entry("task", String.class),
            Map.entry("hidden", Integer.class), Map.entry("widths", String.class), Map.entry("skips", String.class),
            Map.entry("method", String.class),
            Map.entry("betaN", Double.class), Map.entry("dt", Double.class), Map.entry("batchSize", Integer.class),
            Map.entry("epochs", Integer.class), Map.entry("steps", Integer.class), Map.entry("alpha", Double.class),
            Map.entry("init", String.class), Map.entry("warm", Boolean.class),
            Map.entry("jointStalkSteps", Integer.class), Map.entry("jointForwardPass", Boolean.class),
            Map.entry("jointLayerRates", Boolean.class), Map.entry("sgdRate", Double.class),
            Map.entry("nudge", Double.class), Map.entry("nudgeSymmetric", Boolean.class),
            Map.entry("nudgeRate", Double.class), Map.entry("momentum", Double.class),
            Map.entry("layerRates", Boolean.class), Map.entry("rateDecay", Integer.class),
            Map.entry("seed", Long.class));

    private SpecFile() {
    }

    /**
     * The grid in {@code file}.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong in it, in one line
     */
    public static Grid read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw FileErrors.reading(file, e);
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(file + ": not valid JSON: " + cause.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException(file + ": a sweep spec is a JSON object of settings, such as"
                    + " {\"task\": \"paraboloid\", \"betaN\": [0.3, 1, 3]}");
        }
        Grid grid = new Grid();
        for (Map.Entry<String, JsonElement> entry : ((JsonObject) root).entrySet()) {
            String key = entry.getKey();
            Class<?> type = TYPES.get(key);
            if (type == null) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "'; known: "
                        + TrialSettings.NAMES);
            }
            grid.set(key, values(file, key, entry.getValue(), type), file + ": " + key);
        }
        return grid;
    }

    private static List<Object> values(Path file, String key, JsonElement element, Class<?> type) {
        JsonArray array = element.isJsonArray() ? element.getAsJsonArray() : new JsonArray();
        if (!element.isJsonArray()) {
            array.add(element);
        }
        List<Object> values = new ArrayList<>();
        for (JsonElement value : array) {
            values.add(value(file, key, value, type));
        }
        return values;
    }

    private static Object value(Path file, String key, JsonElement value, Class<?> type) {
        if (value.isJsonPrimitive()) {
            JsonPrimitive p = value.getAsJsonPrimitive();
            if (type == String.class && p.isString()) {
                return p.getAsString();
            }
            if (type == Boolean.class && p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (type == Double.class && p.isNumber()) {
                return p.getAsDouble();
            }
            if ((type == Integer.class || type == Long.class) && p.isNumber()) {
                try {
                    long whole = p.getAsBigDecimal().longValueExact();
                    if (type == Long.class) {
                        return whole;
                    }
                    return Math.toIntExact(whole);
                } catch (ArithmeticException notWhole) {
                    // reported below
                }
            }
        }
        String expected = type == Double.class ? "numbers" : type == String.class ? "strings"
                : type == Boolean.class ? "true or false" : "whole numbers";
        throw new IllegalArgumentException(file + ": " + key + " must be " + expected + " (one or an array), got "
                + value);
    }
}
