package dev.sheaf4j.sheaf;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.internal.Brief;
import dev.sheaf4j.internal.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * Values on every vertex of a sheaf for a batch of samples, in the {@code (coordinate, sample)}
 * layout of {@link SheafLayout}. A mutable buffer that solvers fill; copy it to keep a snapshot.
 */
public final class SheafState {
    private final SheafLayout layout;
    private final int batch;
    private final double[] values;

    /** A zero state for {@code batch} samples. */
    public SheafState(SheafLayout layout, int batch) {
        this(layout, batch, new double[layout.stateLength(batch)]);
    }

    /** Wraps {@code values} (not copied), which must hold {@code stateSize * batch} entries. */
    public SheafState(SheafLayout layout, int batch, double[] values) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.batch = Require.atLeastOne(batch, "batch size");
        this.values = Require.length(values, layout.stateLength(batch), "state array");
    }

    /** The layout. */
    public SheafLayout layout() {
        return layout;
    }

    /** Number of samples. */
    public int batch() {
        return batch;
    }

    /** The backing array, {@code (coordinate, sample)}: solvers write into it. */
    public double[] values() {
        return values;
    }

    /** A deep copy. */
    public SheafState copy() {
        return new SheafState(layout, batch, values.clone());
    }

    /** One coordinate of one sample. */
    public double get(Coordinate coordinate, int sample) {
        return values[layout.index(coordinate) * batch + checkSample(sample)];
    }

    /** Sets one coordinate of one sample. */
    public void set(Coordinate coordinate, int sample, double value) {
        values[layout.index(coordinate) * batch + checkSample(sample)] = value;
    }

    /** Every coordinate of one sample, in layout order, as a new array. */
    public double[] sample(int sample) {
        checkSample(sample);
        double[] out = new double[layout.stateSize()];
        for (int c = 0; c < out.length; c++) {
            out[c] = values[c * batch + sample];
        }
        return out;
    }

    /** Writes every coordinate of one sample from {@code sampleValues}, in layout order. */
    public void setSample(int sample, double[] sampleValues) {
        checkSample(sample);
        Require.length(sampleValues, layout.stateSize(), "sample " + sample);
        for (int c = 0; c < sampleValues.length; c++) {
            values[c * batch + sample] = sampleValues[c];
        }
    }

    /** The stalk of vertex ({@code layer}, {@code stalk}) for one sample, as a new array. */
    public double[] stalk(int layer, Stalk stalk, int sample) {
        int offset = layout.index(new Coordinate(layer, stalk, 0));
        double[] out = new double[layout.architecture().width(layer)];
        checkSample(sample);
        for (int i = 0; i < out.length; i++) {
            out[i] = values[(offset + i) * batch + sample];
        }
        return out;
    }

    /** Writes the stalk of vertex ({@code layer}, {@code stalk}) for one sample. */
    public void setStalk(int layer, Stalk stalk, int sample, double[] stalkValues) {
        int offset = layout.index(new Coordinate(layer, stalk, 0));
        Require.length(stalkValues, layout.architecture().width(layer), "stalk " + new Coordinate(layer, stalk, 0));
        checkSample(sample);
        for (int i = 0; i < stalkValues.length; i++) {
            values[(offset + i) * batch + sample] = stalkValues[i];
        }
    }

    /** The input {@code x} of one sample. */
    public double[] input(int sample) {
        return stalk(0, Stalk.PRE, sample);
    }

    /** Sets the input {@code x} of one sample. */
    public void setInput(int sample, double[] x) {
        setStalk(0, Stalk.PRE, sample, x);
    }

    /** The network's output as this state holds it: {@code a_out}, or {@code z_(k+1)} for an identity head. */
    public double[] output(int sample) {
        int last = layout.layers();
        return stalk(last, layout.architecture().hasOutputVertex() ? Stalk.POST : Stalk.PRE, sample);
    }

    /** Fails with the first non-finite entry's coordinate, if any, naming this state {@code what}. */
    public void requireFinite(String what) {
        int i = Require.firstNonFinite(values);
        if (i >= 0) {
            throw new IllegalArgumentException(what + " is not finite at " + layout.stateEntry(i, batch) + ": "
                    + values[i]);
        }
    }

    private int checkSample(int sample) {
        if (sample < 0 || sample >= batch) {
            throw new IllegalArgumentException("sample " + sample + " outside 0.." + (batch - 1));
        }
        return sample;
    }

    /** Equal when of one architecture and batch size with equal values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SheafState other && batch == other.batch
                && layout.architecture().equals(other.layout.architecture()) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layout.architecture(), batch, Arrays.hashCode(values));
    }

    /** {@code SheafState[2, 4, 1] identity x3 [...]}, the values shortened when many. */
    @Override
    public String toString() {
        return "SheafState" + layout.architecture() + " x" + batch + " " + Brief.of(values);
    }
}
