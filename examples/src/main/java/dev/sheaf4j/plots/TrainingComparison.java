package dev.sheaf4j.plots;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.data.Split;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.train.GradientDescent;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.util.function.IntConsumer;

/**
 * Sheaf training against full-batch gradient descent from the same initial weights, with as many
 * gradient steps as sheaf training takes weight steps.
 *
 * @param architecture the network's widths, as text
 * @param settings the sheaf training's settings
 * @param sheaf the sheaf training's result
 * @param gradientDescent gradient descent's result
 * @param gradientRate gradient descent's learning rate
 */
public record TrainingComparison(String architecture, TrainingSettings settings, TrainingResult sheaf,
        GradientDescent.Result gradientDescent, double gradientRate) {

    /**
     * Trains {@code model} on {@code data} both ways; {@code sheafProgress} hears sheaf training's
     * epochs, {@code gradientProgress} gradient descent's.
     */
    public static TrainingComparison run(SheafModel model, Split data, TrainingSettings settings, double gradientRate,
            TrainingListener sheafProgress, IntConsumer gradientProgress) {
        TrainingResult sheaf = new SheafTrainer(model.kernel()).train(model.network(), data.train(), data.test(),
                Pins.none(), settings, sheafProgress);
        GradientDescent.Result sgd = GradientDescent.train(model.kernel(), model.network(), data.train(), data.test(),
                gradientRate, gradientSteps(settings), data.train().size(), 1, settings.stepsPerEpoch(),
                gradientProgress);
        return new TrainingComparison(model.network().architecture().widthsText(), settings, sheaf, sgd, gradientRate);
    }

    /** Gradient steps (full-batch epochs) matching sheaf training's weight steps. */
    public static int gradientSteps(TrainingSettings settings) {
        return settings.epochs() * settings.stepsPerEpoch();
    }

    /** Gradient descent's last training loss. */
    public double gradientFinalTrainLoss() {
        double[] loss = gradientDescent.trainLoss();
        return loss[loss.length - 1];
    }
}
