package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network: put it on a public or package-private interface (or abstract class) that
 * extends {@code dev.sheaf4j.SheafModel} and declares one abstract no-argument method returning
 * {@code dev.sheaf4j.Layer} per layer: {@link Input} first, {@link Dense} hidden layers, {@link Output}
 * last. The sheaf4j processor validates the declaration at compile time and generates a final class,
 * by default {@code <SimpleName>Sheaf} in the same package, with an unrolled kernel.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SheafNetwork {
    /** Simple name of the generated class; empty for {@code <SimpleName>Sheaf} (nested names joined with {@code _}). */
    String name() default "";
}
