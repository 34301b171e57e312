package dev.sheaf4j;

import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import java.util.Objects;

/** A heat-equation run about to start: {@code net.diffusion(x).pin(net.hidden().pre(0), 0.5).run()}. */
public final class DiffusionRequest extends PinRequest<DiffusionRequest> {
    private DiffusionSettings settings = DiffusionSettings.defaults();

    DiffusionRequest(SheafModel model, SheafState start) {
        super(model, start);
    }

    @Override
    DiffusionRequest self() {
        return this;
    }

    /** Uses {@code value} instead of the default settings. */
    public DiffusionRequest settings(DiffusionSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Runs the heat equation under the declared and the added pins. */
    public DiffusionResult run() {
        return model().diffuse(start(), pins(), settings);
    }
}
