package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A soft pin declared on a layer method: adds {@code 1/2 strength (v - value)^2} to the energy for
 * each listed neuron of the chosen stalk. Repeatable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(SoftPin.List.class)
public @interface SoftPin {
    /** The stalk: {@code PRE} is {@code z} (or the input {@code x}), {@code POST} is {@code a} or {@code a_out}. */
    Stalk stalk() default Stalk.PRE;

    /** Neuron indices; empty for the whole layer. */
    int[] neuron() default {};

    /** The target value; finite. */
    double value();

    /** The strength {@code gamma}; finite and positive. */
    double strength();

    /** Holds repeated {@link SoftPin}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        /** The soft pins. */
        SoftPin[] value();
    }
}
