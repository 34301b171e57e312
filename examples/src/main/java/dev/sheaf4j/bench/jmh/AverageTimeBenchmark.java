package dev.sheaf4j.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every sheaf4j JMH benchmark shares, inherited by each: average time per operation
 * in nanoseconds, 3 warm-up and 5 measured iterations of a second, one fork. Override them on the
 * command line ({@code -wi}, {@code -i}, {@code -r}, {@code -f}) for longer runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class AverageTimeBenchmark {
}
