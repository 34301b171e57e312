package dev.sheaf4j.examples;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.network.Weights;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/** The example networks by the short names the command-line tool uses, each created from a seed. */
public final class ExampleNetworks {
    private static final Map<String, LongFunction<SheafModel>> NETWORKS = new LinkedHashMap<>();

    static {
        NETWORKS.put("tiny", TinySheaf::create);
        NETWORKS.put("paraboloid", ParaboloidSheaf::create);
        NETWORKS.put("saddle", SaddleSheaf::create);
        NETWORKS.put("deep", DeepRegressionSheaf::create);
        NETWORKS.put("five-layer", FiveLayerSheaf::create);
        NETWORKS.put("circle", CircleSheaf::create);
        NETWORKS.put("blobs", BlobsSheaf::create);
        NETWORKS.put("iris", IrisSheaf::create);
        NETWORKS.put("mnist", MnistSheaf::create);
        NETWORKS.put("wide-mnist", WideMnistSheaf::create);
        NETWORKS.put("pinned-classifier", PinnedClassifierSheaf::create);
        NETWORKS.put("residual-deep", ResidualRegressionSheaf::create);
        NETWORKS.put("residual-mnist", ResidualMnistSheaf::create);
        NETWORKS.put("trained-paraboloid", seed -> trained("paraboloid-2-30-1.sheaf"));
    }

    /**
     * The paraboloid network after ten epochs of sheaf training by the reference implementation
     * (the final weights of the conformance fixture {@code train-paraboloid-2-30-1}).
     */
    private static Paraboloid trained(String resource) {
        try (InputStream in = ExampleNetworks.class.getResourceAsStream("/trained/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource /trained/" + resource + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ParaboloidSheaf.create(Weights.of(NetworkFile.parse(text, resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExampleNetworks() {
    }

    /** The names, in a stable order; {@code trained-paraboloid} has fixed weights and ignores the seed. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(NETWORKS.keySet());
    }

    /**
     * The network called {@code name}, He-initialised from {@code seed}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SheafModel create(String name, long seed) {
        LongFunction<SheafModel> factory = NETWORKS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown network '" + name + "'; choose from " + NETWORKS.keySet());
        }
        return factory.apply(seed);
    }
}
