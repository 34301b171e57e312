package dev.sheaf4j.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A skip connection into the annotated {@link Dense} or {@link Output} layer: the activation of the
 * earlier layer named by {@link #from()} is added to this layer's pre-activation,
 * {@code z_l = W_l a_(l-1) + b_l + P a_from}, before this layer's activation (or output map) sees
 * it. {@code P} is the identity, which needs both layers to have the same width, or with
 * {@link #projection()} a learned {@code n_l x n_from} matrix, He-initialised and trained with the
 * weights. Repeatable: several skips may feed one layer.
 *
 * <p>For example, among the layers {@code x, first, second, third, y}, the declaration
 * {@code @Dense(8) @Skip(from = "second") Layer third();} adds {@code a_2} to {@code z_3} (both 8
 * wide), and {@code @Output(1) @Skip(from = "x", projection = true) Layer y();} adds a learned
 * {@code P x} to {@code z_4}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(Skip.List.class)
public @interface Skip {
    /** The name of the layer method whose activation is added: the input's method or an earlier {@code @Dense}'s. */
    String from();

    /** Whether the skip goes through a learned projection; required when the two widths differ. */
    boolean projection() default false;

    /** Holds repeated {@link Skip}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.METHOD)
    @interface List {
        /** The skips. */
        Skip[] value();
    }
}
