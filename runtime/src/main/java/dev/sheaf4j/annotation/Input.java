package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The input layer {@code x} of a {@link SheafNetwork}: first, exactly once. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Input {
    /** Number of inputs {@code n0}, from 1 to {@code Architecture.MAX_WIDTH}. */
    int value();
}
