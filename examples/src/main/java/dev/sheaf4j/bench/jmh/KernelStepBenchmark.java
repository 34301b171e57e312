package dev.sheaf4j.bench.jmh;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.bench.KernelBenchmark;
import dev.sheaf4j.examples.ExampleNetworks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of an operation (Euler, joint training, harmonic extension, pinned equilibrium) of an
 * example network by one kernel, in JMH's average-time mode: the same steps as {@code sheaf4j bench},
 * each combination in a fresh JVM fork so that the JIT profiles one kernel at a time.
 */
@State(Scope.Thread)
public class KernelStepBenchmark extends AverageTimeBenchmark {
    @Param({"tiny", "paraboloid", "mnist"})
    String network;

    @Param({"1", "32", "300"})
    int batch;

    @Param({"EULER", "TRAIN", "HARMONIC", "PINNED"})
    KernelBenchmark.Operation operation;

    @Param({"GENERATED", "GENERIC", "EJML"})
    KernelBenchmark.Implementation implementation;

    private Runnable step;

    /** Builds the network and its step once per fork. */
    @Setup
    public void setUp() {
        SheafModel model = ExampleNetworks.create(network, 1);
        step = KernelBenchmark.step(implementation.of(model), model, batch, operation);
    }

    /** One step; it updates the state held by the step, so nothing is left for the JIT to drop. */
    @Benchmark
    public void step() {
        step.run();
    }
}
