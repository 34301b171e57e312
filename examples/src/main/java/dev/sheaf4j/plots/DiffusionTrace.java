package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a diffusion of one sample as it runs: at step 0 and every {@code every} steps, the first
 * output coordinate and the discord by edge type and layer.
 */
public final class DiffusionTrace implements DiffusionListener {
    /** One recorded step. */
    public record Point(int step, double output, Discord discord) {
    }

    private final SheafModel model;
    private final int every;
    private final List<Point> points = new ArrayList<>();

    /** A trace of diffusions of {@code model}, recording every {@code every} steps. */
    public DiffusionTrace(SheafModel model, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("a trace records every step or fewer, not every " + every);
        }
        this.model = model;
        this.every = every;
    }

    @Override
    public void afterStep(int step, SheafState state) {
        if (step % every == 0) {
            points.add(new Point(step, state.output(0)[0], model.discord(state)));
        }
    }

    /** The recorded steps, in order. */
    public List<Point> points() {
        return List.copyOf(points);
    }
}
