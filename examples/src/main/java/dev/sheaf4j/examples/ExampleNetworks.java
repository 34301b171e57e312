package dev.sheaf4j.examples;

import dev.sheaf4j.SheafModel;
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
    }

    private ExampleNetworks() {
    }

    /** The names, in a stable order. */
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
