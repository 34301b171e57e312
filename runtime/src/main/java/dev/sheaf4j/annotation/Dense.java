package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A hidden layer of a {@link SheafNetwork}: {@code z_l = W_l a_(l-1) + b_l}, {@code a_l = act(z_l)}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dense {
    /** Number of neurons, from 1 to {@code Architecture.MAX_WIDTH}. */
    int value();

    /** The activation; ReLU unless told otherwise. */
    Activation activation() default Activation.RELU;

    /** Negative-side slope of {@link Activation#LEAKY_RELU}, in (0,1); ignored for ReLU. */
    double slope() default 0.01;
}
