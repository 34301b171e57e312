package org.example.consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.TrainedModel;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.EquilibriumResult;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The generated classes, used from a project of its own, do what the library promises. */
class FirstProgramTest {
    private static final double[] X = {0.5, -0.3};

    @Test
    void forwardPassIsTheHarmonicExtensionForBothNetworks() {
        Curve curve = CurveSheaf.create(42);
        Gate gate = GateSheaf.create(7);
        assertArrayEquals(curve.harmonicExtension(X).output(0), curve.forward(X), 1e-12);
        assertArrayEquals(gate.harmonicExtension(X).output(0), gate.forward(X), 1e-12);
        double p = gate.forward(X)[0];
        assertTrue(p > 0 && p < 1, "a sigmoid output is a probability, got " + p);
    }

    @Test
    void pinnedDiffusionHoldsThePinAndSettlesWhereTheExactSolverDoes() {
        Curve curve = CurveSheaf.create(42);
        DiffusionResult run = curve.diffusion(X).pin(curve.hidden().pre(0), 0.5).run();
        EquilibriumResult exact = curve.equilibrium(X).pin(curve.hidden().pre(0), 0.5).solve();

        assertTrue(run.converged(), "diffusion stopped at the step limit after " + run.iterations() + " steps");
        assertEquals(0.5, run.state().get(curve.hidden().pre(0), 0), 0.0);
        assertTrue(exact.certified(), exact.certificate().toString());
        assertArrayEquals(exact.state().output(0), run.state().output(0), 1e-6);
        assertTrue(Math.abs(run.state().output(0)[0] - curve.forward(X)[0]) > 1e-6, "the pin did not move the output");
    }

    @Test
    void declaredPinAppliesWithoutBeingNamed() {
        Gate gate = GateSheaf.create(7);
        assertEquals(1, gate.declaredPins().pins().size());
        DiffusionResult run = gate.diffusion(X).run();
        assertEquals(0.5, run.state().get(gate.hidden().pre(0), 0), 0.0);
    }

    @Test
    void shortTrainingLowersTheLossAndGivesBackATypedModel() {
        Curve curve = CurveSheaf.create(42);
        Dataset train = FirstProgram.bowl(64, 1);
        TrainedModel run = curve.training(train).epochs(10).stepsPerEpoch(500).run();
        Curve trained = run.model();
        TrainingResult result = run.result();

        assertTrue(result.finalTrainLoss() < 0.5 * result.trainLoss()[0],
                "training MSE went from " + result.trainLoss()[0] + " to " + result.finalTrainLoss());
        assertEquals(result.finalTrainLoss(), meanSquaredError(trained, train), 1e-12);
    }

    @Test
    void firstProgramRuns() {
        FirstProgram.main(new String[0]);
    }

    private static double meanSquaredError(Curve net, Dataset data) {
        double sum = 0;
        for (int s = 0; s < data.size(); s++) {
            double d = net.forward(data.input(s))[0] - data.target(s)[0];
            sum += d * d;
        }
        return sum / data.size();
    }
}
