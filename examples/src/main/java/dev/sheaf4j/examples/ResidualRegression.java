package dev.sheaf4j.examples;

import dev.sheaf4j.Layer;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Dense;
import dev.sheaf4j.annotation.Input;
import dev.sheaf4j.annotation.Output;
import dev.sheaf4j.annotation.SheafNetwork;
import dev.sheaf4j.annotation.Skip;

/**
 * The paper's deep regression network for the paraboloid and the saddle with a third hidden layer
 * and two skip connections, [2, 10, 8, 8, 1]. The third layer is a residual block,
 * {@code a_3 = relu(W_3 a_2 + b_3 + a_2)}: an identity skip, since {@code second} and {@code third}
 * are both 8 wide, so the block only has to learn a correction to its input. The output adds a
 * learned projection of the input, {@code y = W_4 a_3 + b_4 + P x}: the widths (2 and 1) differ, so
 * the skip is projected, and it gives the network a linear part beside its ReLU features.
 */
@SheafNetwork
public interface ResidualRegression extends SheafModel {
    /** The point {@code (x1, x2)}. */
    @Input(2)
    Layer x();

    /** Ten ReLU neurons. */
    @Dense(10)
    Layer first();

    /** Eight ReLU neurons. */
    @Dense(8)
    Layer second();

    /** Eight ReLU neurons whose pre-activation adds {@code a_2}. */
    @Dense(8)
    @Skip(from = "second")
    Layer third();

    /** The predicted height, plus a learned projection of the input. */
    @Output(1)
    @Skip(from = "x", projection = true)
    Layer y();
}
