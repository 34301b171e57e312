package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The output layer of a {@link SheafNetwork}: last, exactly once. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Output {
    /** Number of outputs, from 1 to {@code Architecture.MAX_WIDTH} (at least 2 for a softmax). */
    int value();

    /** The output map; the identity (regression) unless told otherwise. */
    OutputActivation activation() default OutputActivation.IDENTITY;
}
