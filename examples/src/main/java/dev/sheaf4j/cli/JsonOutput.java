package dev.sheaf4j.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * The tool's {@code --json} output: strict JSON, pretty-printed. A number that is not finite (an
 * unset setting such as the default {@code beta}, a loss after a divergence) is written as
 * {@code null}, since JSON has no NaN or infinity.
 */
final class JsonOutput {
    private static final Gson GSON = builder().create();
    private static final Gson WITH_NULLS = builder().serializeNulls().create();

    private JsonOutput() {
    }

    private static GsonBuilder builder() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .registerTypeAdapter(double.class, new FiniteOrNull())
                .registerTypeAdapter(Double.class, new FiniteOrNull());
    }

    /** Prints {@code value} as JSON on standard output. */
    static void print(Object value) {
        System.out.println(GSON.toJson(value));
    }

    /** Prints {@code value} as JSON on standard output, a field that is null written as {@code null}. */
    static void printWithNulls(Object value) {
        System.out.println(WITH_NULLS.toJson(value));
    }

    /** Writes a double as a JSON number, or null when it is NaN or infinite. */
    private static final class FiniteOrNull extends TypeAdapter<Double> {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.value(value.doubleValue());
            }
        }

        @Override
        public Double read(JsonReader in) {
            throw new UnsupportedOperationException("the tool writes JSON, it does not read it");
        }
    }
}
