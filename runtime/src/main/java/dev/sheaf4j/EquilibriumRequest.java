package dev.sheaf4j;

import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import java.util.Objects;

/**
 * An exact pinned equilibrium about to be solved: {@code net.equilibrium(x).pin(net.hidden().pre(0),
 * 0.5).softPin(net.y().pre(), 0.8, 10).solve()}.
 */
public final class EquilibriumRequest extends PinRequest<EquilibriumRequest> {
    private EquilibriumSettings settings = EquilibriumSettings.defaults();

    EquilibriumRequest(SheafModel model, SheafState start) {
        super(model, start);
    }

    @Override
    EquilibriumRequest self() {
        return this;
    }

    /** Uses {@code value} instead of the default settings. */
    public EquilibriumRequest settings(EquilibriumSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** Solves each sample for its equilibrium under the declared and the added pins. */
    public EquilibriumResult solve() {
        return model().solveEquilibrium(start(), pins(), settings);
    }
}
