package dev.sheaf4j.solve;

import dev.sheaf4j.internal.DoubleTrace;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sheaf heat equation {@code d omega / dt = -alpha grad E}, integrated by forward Euler with
 * the activation pattern recomputed from the current state at every step, hard pins held fixed and
 * soft pins pulling on their coordinates. Stops when the largest change of a free coordinate in one
 * step falls below the tolerance (after at least {@link DiffusionSettings#MIN_STEPS} steps) or at the
 * step limit.
 */
public final class Diffusion {
    /** The most distinct activation patterns a result records. */
    public static final int MAX_PATTERNS = 1024;

    private Diffusion() {
    }

    /**
     * Runs the heat equation from {@code initial} (not modified) with {@code pins} applied.
     *
     * @throws IllegalArgumentException for a state of another architecture, a non-finite initial
     *     state, bad pins, or a step past the stability bound {@code alpha dt lambda_max < 2}
     * @throws dev.sheaf4j.sheaf.NonFiniteException if the state or its recorded energy becomes non-finite, naming
     *     the step, the vertex or edge and the sample
     */
    public static DiffusionResult run(SheafKernel kernel, Network network, SheafState initial, Pins pins,
            DiffusionSettings settings) {
        return run(kernel, network, initial, pins, settings, DiffusionListener.NONE);
    }

    /**
     * Runs the heat equation as {@link #run(SheafKernel, Network, SheafState, Pins, DiffusionSettings)}
     * does, telling {@code listener} the state before the first step and after every step.
     */
    public static DiffusionResult run(SheafKernel kernel, Network network, SheafState initial, Pins pins,
            DiffusionSettings settings, DiffusionListener listener) {
        SheafLayout layout = kernel.layout();
        int batch = initial.batch();
        PinnedStart start = PinnedStart.of(kernel, network, initial, pins);
        PinSet pinSet = start.pins();
        SheafState state = start.state();
        double[] v = state.values();
        checkStability(network, state, pinSet, settings);

        double[] params = network.parameters();
        Workspace workspace = new Workspace(layout, batch);
        SwitchTracker switches = new SwitchTracker(layout, batch, v);
        Set<ActivationPattern> patterns = new LinkedHashSet<>();
        switches.recordPatterns(state, patterns);
        DoubleTrace trace = new DoubleTrace();
        if (settings.recordEnergy()) {
            trace.add(Energy.of(kernel, params, v, pinSet, workspace));
        }
        listener.afterStep(0, state);
        double alphaDt = settings.alpha() * settings.dt();
        int step = 0;
        double change = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (step < settings.maxSteps()) {
            change = kernel.eulerStep(params, v, alphaDt, settings.mode(), pinSet, workspace);
            step++;
            if (!Double.isFinite(change)) {
                FiniteCheck.state("diffusion diverged: after step " + step + " the state", layout, v, batch,
                        "reduce dt (now " + settings.dt() + ") or alpha (now " + settings.alpha() + ")");
            }
            if (switches.update(v, step)) {
                switches.recordPatterns(state, patterns);
            }
            if (settings.recordEnergy()) {
                trace.add(Energy.of(kernel, params, v, pinSet, workspace));
            }
            listener.afterStep(step, state);
            if (step >= DiffusionSettings.MIN_STEPS && change < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        return new DiffusionResult(state, step, converged, change, trace.toArray(), switches.steps(),
                java.util.List.copyOf(new ArrayList<>(patterns)));
    }

    /**
     * Refuses a step size past the forward-Euler stability bound, checked at the starting pattern of
     * the first sample: {@code alpha dt (lambda_max(L_free) + gamma_max) < 2}.
     */
    private static void checkStability(Network network, SheafState state, PinSet pins, DiffusionSettings s) {
        Spectrum spectrum = Spectrum.of(new Coboundary(network, ActivationPattern.of(state, 0)));
        double bound = spectrum.lambdaMax() + pins.maxSoftStrength();
        if (s.alpha() * s.dt() * bound >= 2) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "step too large for a stable Euler scheme: alpha*dt*lambda_max = %.4g*%.4g*%.4g = %.4g >= 2"
                            + " (lambda_max of L_free at the starting pattern%s); choose dt below %.4g",
                    s.alpha(), s.dt(), bound, s.alpha() * s.dt() * bound,
                    pins.maxSoftStrength() > 0 ? " plus the largest soft-pin strength" : "",
                    2 / (s.alpha() * bound)));
        }
    }
}
