package dev.sheaf4j.sheaf;

import dev.sheaf4j.internal.Require;
import java.util.Arrays;

/**
 * {@link Pins} laid out for one network and one batch size, in the form the kernels read: which
 * state coordinates are fixed, and the hard and soft pins as index and value arrays in
 * {@code (pin, sample)} layout.
 */
public final class PinSet {
    private final int batch;
    private final boolean[] fixed;
    private final int[] hardIndex;
    private final double[] hardValues;
    private final int[] softIndex;
    private final double[] softStrength;
    private final double[] softTargets;
    private final int freeCount;
    private final int[] freeRuns;

    PinSet(SheafLayout layout, int batch, Pins pins) {
        this.batch = Require.atLeastOne(batch, "batch size");
        int size = layout.stateSize();
        fixed = new boolean[size];
        if (!pins.inputFree()) {
            Arrays.fill(fixed, 0, layout.architecture().inputs(), true);
        }
        String[] pinnedBy = new String[size];
        int hard = 0;
        int soft = 0;
        for (Pins.Pin pin : pins.pins()) {
            Coordinate c = pin.coordinate();
            int index = layout.index(c);
            if (pinnedBy[index] != null) {
                throw new IllegalArgumentException("two pins on " + c + " (" + pinnedBy[index] + " and "
                        + describe(pin) + "); keep one");
            }
            if (pin.values().length != 1 && pin.values().length != batch) {
                throw new IllegalArgumentException("pin on " + c + " has " + pin.values().length
                        + " values; give one for all samples or one per sample (" + batch + ")");
            }
            if (!pin.hard() && fixed[index]) {
                throw new IllegalArgumentException("soft pin on the input " + c
                        + " needs a free input: call freeInput() on the pins");
            }
            pinnedBy[index] = describe(pin);
            if (pin.hard()) {
                hard++;
                fixed[index] = true;
            } else {
                soft++;
            }
        }
        hardIndex = new int[hard];
        hardValues = new double[hard * batch];
        softIndex = new int[soft];
        softStrength = new double[soft];
        softTargets = new double[soft * batch];
        int h = 0;
        int s = 0;
        for (Pins.Pin pin : pins.pins()) {
            int index = layout.index(pin.coordinate());
            if (pin.hard()) {
                hardIndex[h] = index;
                for (int k = 0; k < batch; k++) {
                    hardValues[h * batch + k] = pin.value(k);
                }
                h++;
            } else {
                softIndex[s] = index;
                softStrength[s] = pin.strength();
                for (int k = 0; k < batch; k++) {
                    softTargets[s * batch + k] = pin.value(k);
                }
                s++;
            }
        }
        int free = 0;
        for (boolean f : fixed) {
            free += f ? 0 : 1;
        }
        if (free == 0) {
            throw new IllegalArgumentException("every coordinate of " + layout.architecture()
                    + " is pinned: nothing is left to solve for; remove a hard pin");
        }
        this.freeCount = free;
        int[] runs = new int[2 * size];
        int count = 0;
        for (int c = 0; c < size; c++) {
            if (!fixed[c] && (c == 0 || fixed[c - 1])) {
                runs[count++] = c;
            }
            if (!fixed[c] && (c == size - 1 || fixed[c + 1])) {
                runs[count++] = c + 1;
            }
        }
        this.freeRuns = Arrays.copyOf(runs, count);
    }

    private static String describe(Pins.Pin pin) {
        String values = pin.values().length == 1 ? String.valueOf(pin.values()[0]) : pin.values().length + " values";
        return (pin.hard() ? "hard pin = " : "soft pin -> ") + values
                + (pin.hard() ? "" : " (gamma " + pin.strength() + ")");
    }

    /** The batch size these pins are laid out for. */
    public int batch() {
        return batch;
    }

    /** Whether state coordinate {@code index} is fixed (the input, unless free, or a hard pin). */
    public boolean isFixed(int index) {
        return fixed[index];
    }

    /** Number of free (not fixed) coordinates per sample. */
    public int freeCount() {
        return freeCount;
    }

    /**
     * The free coordinates as maximal runs {@code [start, end)}: {@code runs()[2k]} and
     * {@code runs()[2k+1]} bound run {@code k}. The array is shared: do not modify it.
     */
    public int[] freeRuns() {
        return freeRuns;
    }

    /** Number of hard pins. */
    public int hardCount() {
        return hardIndex.length;
    }

    /** State index of hard pin {@code h}. */
    public int hardIndex(int h) {
        return hardIndex[h];
    }

    /** Value of hard pin {@code h} in {@code sample}. */
    public double hardValue(int h, int sample) {
        return hardValues[h * batch + sample];
    }

    /** Number of soft pins. */
    public int softCount() {
        return softIndex.length;
    }

    /** State index of soft pin {@code k}. */
    public int softIndex(int k) {
        return softIndex[k];
    }

    /** Strength {@code gamma} of soft pin {@code k}. */
    public double softStrength(int k) {
        return softStrength[k];
    }

    /** Target of soft pin {@code k} in {@code sample}. */
    public double softTarget(int k, int sample) {
        return softTargets[k * batch + sample];
    }

    /** The largest soft-pin strength, 0 if none. */
    public double maxSoftStrength() {
        double max = 0;
        for (double g : softStrength) {
            max = Math.max(max, g);
        }
        return max;
    }

    /** Writes every hard pin's value into {@code state}, {@code (coordinate, sample)} layout. */
    public void applyHard(double[] state) {
        for (int h = 0; h < hardIndex.length; h++) {
            System.arraycopy(hardValues, h * batch, state, hardIndex[h] * batch, batch);
        }
    }

    /** Adds every soft pin's force {@code -gamma (v - t)} to {@code force}. */
    public void addSoftForces(double[] state, double[] force) {
        for (int k = 0; k < softIndex.length; k++) {
            int base = softIndex[k] * batch;
            double gamma = softStrength[k];
            for (int s = 0; s < batch; s++) {
                force[base + s] -= gamma * (state[base + s] - softTargets[k * batch + s]);
            }
        }
    }

    /** The soft pins' energy {@code sum 1/2 gamma (v - t)^2}, summed over the batch. */
    public double softEnergy(double[] state) {
        double e = 0;
        for (int k = 0; k < softIndex.length; k++) {
            int base = softIndex[k] * batch;
            for (int s = 0; s < batch; s++) {
                double d = state[base + s] - softTargets[k * batch + s];
                e += 0.5 * softStrength[k] * d * d;
            }
        }
        return e;
    }
}
