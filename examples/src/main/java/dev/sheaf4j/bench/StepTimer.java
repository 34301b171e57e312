package dev.sheaf4j.bench;

import java.util.Arrays;

/**
 * Times a repeated operation: warms it up, then takes the median of several timed rounds, each
 * long enough to dwarf the clock's resolution. Several timers measured in alternation see the same
 * machine load, which makes their ratio trustworthy on a shared machine.
 */
public final class StepTimer {
    private final Runnable step;
    private final double[] rounds;
    private int round;

    /** A timer of {@code step} that will keep {@code rounds} measurements. */
    public StepTimer(Runnable step, int rounds) {
        this.step = step;
        this.rounds = new double[rounds];
    }

    /** Runs the step for about {@code nanos} without recording. */
    public void warmUp(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 64; i++) {
                step.run();
            }
        }
    }

    /** One timed round of about {@code nanos}; records nanoseconds per step. */
    public void measure(long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                step.run();
            }
            count += 64;
            now = System.nanoTime();
        } while (now < end);
        rounds[round++] = (double) (now - start) / count;
    }

    /** The median of the recorded rounds, in nanoseconds per step. */
    public double median() {
        double[] sorted = Arrays.copyOf(rounds, round);
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
