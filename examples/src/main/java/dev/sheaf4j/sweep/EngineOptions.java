package dev.sheaf4j.sweep;

/**
 * How an engine runs trials.
 *
 * @param parallelism trials at once on this machine (the local engine's threads, Spark's {@code local[N]})
 * @param master a Spark master URL, or null for Spark's own ({@code spark-submit}'s) or else {@code local[N]}
 */
public record EngineOptions(int parallelism, String master) {
    public EngineOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Every core of this machine, no master. */
    public static EngineOptions allCores() {
        return new EngineOptions(Runtime.getRuntime().availableProcessors(), null);
    }
}
