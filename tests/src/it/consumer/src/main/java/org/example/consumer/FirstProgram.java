package org.example.consumer;

import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.train.Dataset;
import dev.sheaf4j.TrainedModel;
import dev.sheaf4j.train.TrainingResult;
import java.util.Arrays;
import java.util.SplittableRandom;

/** A first program with sheaf4j: two declared networks, a forward pass, pinned diffusions and a short training. */
public final class FirstProgram {
    private FirstProgram() {
    }

    /** Prints what each step gives. */
    public static void main(String[] args) {
        double[] x = {0.5, -0.3};

        Curve curve = CurveSheaf.create(42);                               // seeded He initialisation
        System.out.println("forward pass:    " + Arrays.toString(curve.forward(x)));

        DiffusionResult pinned = curve.diffusion(x)                        // start from the forward pass of x,
                .pin(curve.hidden().pre(0), 0.5)                           // hold z_1[0] at 0.5,
                .run();                                                    // let the heat equation settle
        System.out.println("with z_1[0]=0.5: " + Arrays.toString(pinned.state().output(0))
                + " after " + pinned.iterations() + " Euler steps");

        Gate gate = GateSheaf.create(7);                                   // its @Pin applies to every diffusion
        DiffusionResult gated = gate.diffusion(x).run();
        System.out.println("gate:            " + Arrays.toString(gate.forward(x)) + " -> "
                + Arrays.toString(gated.state().output(0)) + " with its declared pin");

        Dataset train = bowl(64, 1);                                       // y = x1^2 + x2^2
        TrainedModel run = curve.training(train)                            // a request: say what differs,
                .epochs(10).stepsPerEpoch(500)
                .run();                                                    // then run it
        Curve trained = run.model();                                       // the trained model, typed
        TrainingResult result = run.result();
        System.out.printf("training MSE:    %.4f -> %.4f; trained net at x: %s%n", result.trainLoss()[0],
                result.finalTrainLoss(), Arrays.toString(trained.forward(x)));
    }

    /** {@code n} seeded points of the square {@code [-1, 1]^2} labelled with {@code x1^2 + x2^2}. */
    public static Dataset bowl(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] inputs = new double[n][];
        double[][] targets = new double[n][];
        for (int s = 0; s < n; s++) {
            double x1 = random.nextDouble(-1, 1);
            double x2 = random.nextDouble(-1, 1);
            inputs[s] = new double[] {x1, x2};
            targets[s] = new double[] {x1 * x1 + x2 * x2};
        }
        return Dataset.of(inputs, targets);
    }
}
