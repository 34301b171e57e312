package dev.sheaf4j.sweep;

import java.util.ServiceLoader;

/** Finds a sweep engine by name: the local one, or one on the class path registered as a {@link SweepEngine}. */
public final class Engines {
    private Engines() {
    }

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalStateException if no engine of that name is on the class path
     */
    public static SweepEngine named(String name) {
        if (name.equals("local")) {
            return new LocalEngine();
        }
        for (SweepEngine engine : ServiceLoader.load(SweepEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
        }
        throw new IllegalStateException("the " + name + " engine is not on the class path: run the sweep through"
                + " ./sheaf4j, which fetches Spark on first use, or spark-submit with --jars sheaf4j-spark.jar");
    }
}
