package dev.sheaf4j.diagnose;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A training listener that surveys the spectrum of {@code L_free} over a fixed set of inputs every
 * {@code interval} epochs, to follow how training changes the spectral gap.
 */
public final class SpectralTracker implements TrainingListener {
    /** One survey and the epoch it was taken after (0 for the initial network). */
    public record Point(int epoch, SpectralSurvey survey) {
    }

    private final Dataset inputs;
    private final int interval;
    private final List<Point> points = new ArrayList<>();

    /** A tracker over the inputs of {@code inputs}, every {@code interval} epochs. */
    public SpectralTracker(Dataset inputs, int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("the tracking interval must be at least one epoch, got " + interval);
        }
        this.inputs = inputs;
        this.interval = interval;
    }

    /** Records the initial network's spectrum as epoch 0. */
    public SpectralTracker start(dev.sheaf4j.network.Network initial) {
        points.add(new Point(0, SpectralSurvey.of(Sheaf.of(initial), inputs, inputs.size())));
        return this;
    }

    @Override
    public boolean epochFinished(EpochReport report) {
        if (report.epoch() % interval == 0) {
            points.add(new Point(report.epoch(), SpectralSurvey.of(Sheaf.of(report.network()), inputs, inputs.size())));
        }
        return true;
    }

    /** The surveys so far, in order. */
    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }
}
