package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.SheafNetwork;

/** A classifier for Fisher's Iris data, [4, 16, 3]. */
@SheafNetwork
public interface Iris extends SheafModel {
    /** Sepal length and width, petal length and width. */
    @Input(4)
    Layer measurements();

    /** Sixteen ReLU neurons. */
    @Dense(16)
    Layer hidden();

    /** The probabilities of setosa, versicolor and virginica. */
    @Output(value = 3, activation = OutputActivation.SOFTMAX)
    Layer species();
}
