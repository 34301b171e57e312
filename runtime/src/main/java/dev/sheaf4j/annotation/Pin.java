package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hard pin declared on a layer method: the listed neurons of the chosen stalk are fixed at
 * {@link #value()} in every diffusion of the generated model. Repeatable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Pin.List.class)
public @interface Pin {
    /** The stalk: {@code PRE} is {@code z} (or the input {@code x}), {@code POST} is {@code a} or {@code a_out}. */
    Stalk stalk() default Stalk.PRE;

    /** Neuron indices; empty for the whole layer. */
    int[] neuron() default {};

    /** The pinned value; finite. */
    double value();

    /** Holds repeated {@link Pin}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        /** The pins. */
        Pin[] value();
    }
}
