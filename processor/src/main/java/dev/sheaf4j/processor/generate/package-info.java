/**
 * Code generation from a validated network with JavaPoet: the model class and its specialised
 * kernel. Free of {@code javax.lang.model} (beyond JavaPoet's own {@code Modifier}).
 */
package dev.sheaf4j.processor.generate;
