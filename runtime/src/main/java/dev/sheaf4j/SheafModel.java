package dev.sheaf4j;

import dev.sheaf4j.internal.Require;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Weights;
import dev.sheaf4j.sheaf.ActivationPattern;
import dev.sheaf4j.sheaf.Coboundary;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.FiniteCheck;
import dev.sheaf4j.sheaf.NonFiniteException;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.sheaf.Spectrum;
import dev.sheaf4j.solve.Diffusion;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.solve.EquilibriumSettings;
import dev.sheaf4j.solve.HarmonicExtension;
import dev.sheaf4j.solve.PinnedEquilibrium;
import dev.sheaf4j.train.Dataset;

/**
 * A network seen as a sheaf, with the operations of the runtime: forward pass, exact harmonic
 * extension, diffusion, exact pinned equilibria, training, discord and spectrum. Implementations
 * supply the network, the kernel that runs its hot loops, the pins declared with it (always
 * applied) and a copy with other weights; {@link Sheaf} is the one for networks built at run time.
 *
 * <p>The runs that take pins and settings read two ways: a noun returns a request to refine, then run
 * ({@link #diffusion}, {@link #equilibrium}, {@link #training}); a verb takes the pins and settings
 * at once and returns the result ({@link #diffuse}, {@link #solveEquilibrium}).
 */
public interface SheafModel {
    /** The network: architecture and parameters. */
    Network network();

    /** The kernel that runs this network's hot loops. */
    SheafKernel kernel();

    /** Pins that every diffusion of this model applies, before any given at run time. */
    default Pins declaredPins() {
        return Pins.none();
    }

    /**
     * This model with other weights: the same declaration, kernel and declared pins.
     *
     * @throws IllegalArgumentException if their shapes differ from the architecture or a value is not finite
     */
    SheafModel withWeights(Weights weights);

    /** Where each vertex and edge lives in state and discrepancy arrays. */
    default SheafLayout layout() {
        return kernel().layout();
    }

    /** A state for the given inputs (one per sample), every other stalk zero. */
    default SheafState inputs(double[]... inputs) {
        Require.atLeastOne(inputs.length, "number of inputs");
        SheafState state = new SheafState(layout(), inputs.length);
        for (int s = 0; s < inputs.length; s++) {
            Require.length(inputs[s], network().architecture().inputs(), "input " + s);
            Require.allFinite(inputs[s], "input " + s);
            state.setInput(s, inputs[s]);
        }
        return state;
    }

    /**
     * The forward pass of each input (one per sample) as a state of every stalk.
     *
     * @throws NonFiniteException if a stalk overflows, naming the first such vertex and sample
     */
    default SheafState forwardPass(double[]... inputs) {
        SheafState state = inputs(inputs);
        kernel().forward(network().parameters(), state.values(), state.batch());
        FiniteCheck.state("the forward pass", layout(), state.values(), state.batch(),
                "the inputs or the weights are too large for double precision");
        return state;
    }

    /**
     * The network's output {@code y_hat} for one input.
     *
     * @throws NonFiniteException if the forward pass overflows
     */
    default double[] forward(double[] x) {
        return forwardPass(x).output(0);
    }

    /**
     * The harmonic extension of each input, solved through the coboundary (not the forward pass).
     *
     * @throws NonFiniteException if a stalk overflows
     */
    default SheafState harmonicExtension(double[]... inputs) {
        SheafState state = inputs(inputs);
        HarmonicExtension.solveInPlace(network(), state);
        return state;
    }

    /** Runs the heat equation from {@code initial} with the declared pins followed by {@code pins}. */
    default DiffusionResult diffuse(SheafState initial, Pins pins, DiffusionSettings settings) {
        return Diffusion.run(kernel(), network(), initial, declaredPins().and(pins), settings);
    }

    /**
     * Solves for the exact pinned equilibrium of each sample of {@code initial}, with the declared pins followed
     * by {@code pins}; each sample's result carries a certificate of stationarity.
     */
    default EquilibriumResult solveEquilibrium(SheafState initial, Pins pins, EquilibriumSettings settings) {
        return PinnedEquilibrium.solve(kernel(), network(), initial, declaredPins().and(pins), settings);
    }

    /** An exact pinned equilibrium starting from the forward pass of each input; add pins, then solve. */
    default EquilibriumRequest equilibrium(double[]... inputs) {
        return new EquilibriumRequest(this, forwardPass(inputs));
    }

    /** An exact pinned equilibrium starting from {@code start}; add pins, then solve. */
    default EquilibriumRequest equilibrium(SheafState start) {
        return new EquilibriumRequest(this, start);
    }

    /** A heat-equation run starting from the forward pass of each input; add pins, then run. */
    default DiffusionRequest diffusion(double[]... inputs) {
        return new DiffusionRequest(this, forwardPass(inputs));
    }

    /** A heat-equation run starting from {@code start}; add pins, then run. */
    default DiffusionRequest diffusion(SheafState start) {
        return new DiffusionRequest(this, start);
    }


    /**
     * Training on {@code train} about to start, with the declared pins held throughout: set a test
     * set, the schedule, rates and listener, then run it for the trained model.
     */
    default TrainingRequest training(Dataset train) {
        return new TrainingRequest(this, train);
    }

    /**
     * Discord of every edge of {@code state}, averaged over its samples.
     *
     * @throws IllegalArgumentException if {@code state} holds a value that is not finite
     * @throws NonFiniteException if a squared discrepancy overflows
     */
    default Discord discord(SheafState state) {
        state.requireFinite("the state given to discord");
        int batch = state.batch();
        double[] d = new Workspace(layout(), batch).discrepancy();
        kernel().discrepancies(network().parameters(), state.values(), batch, d);
        return Discord.of(layout(), d, batch);
    }

    /** The coboundary at the activation pattern of {@code x}'s forward pass. */
    default Coboundary coboundary(double[] x) {
        return new Coboundary(network(), ActivationPattern.of(forwardPass(x), 0));
    }

    /** The spectrum of {@code L_free} at the activation pattern of {@code x}'s forward pass. */
    default Spectrum spectrum(double[] x) {
        return Spectrum.of(coboundary(x));
    }
}
