/**
 * Validation of network declarations into reports: the message catalogue with stable tags, and the
 * rules of the DSL. Free of {@code javax.lang.model}.
 */
package dev.sheaf4j.processor.validate;
