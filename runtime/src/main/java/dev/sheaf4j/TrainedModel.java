package dev.sheaf4j;

import dev.sheaf4j.train.TrainingResult;
import java.util.Objects;

/**
 * A model after training, with how training went: {@code Paraboloid better = trained.model();}.
 * The model has the trained weights and the original's declaration, kernel and declared pins.
 */
public final class TrainedModel {
    private final SheafModel model;
    private final TrainingResult result;

    TrainedModel(SheafModel model, TrainingResult result) {
        this.model = Objects.requireNonNull(model, "model");
        this.result = Objects.requireNonNull(result, "result");
    }

    /**
     * The trained model, typed as the variable it is assigned to: {@code Paraboloid p = trained.model();}
     * for a model trained from a {@code Paraboloid}.
     *
     * @param <M> the type of the model training started from, or any supertype
     * @throws ClassCastException if assigned to a type the model does not have
     */
    @SuppressWarnings("unchecked")
    public <M extends SheafModel> M model() {
        return (M) model;
    }

    /** Losses per epoch, epochs run, time taken, how training ended and the final stalks. */
    public TrainingResult result() {
        return result;
    }

    @Override
    public String toString() {
        String name = model.getClass().getSimpleName();
        return "TrainedModel[" + name + model.network().architecture() + ", " + result + "]";
    }
}
