package org.example.consumer;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.SheafNetwork;

/** A regression network [2, 12, 1]: the processor writes {@code CurveSheaf}. */
@SheafNetwork
public interface Curve extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Twelve ReLU neurons. */
    @Dense(12)
    Layer hidden();

    /** The predicted value. */
    @Output(1)
    Layer y();
}
