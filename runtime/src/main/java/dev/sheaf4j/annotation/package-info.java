/**
 * The declaration DSL of sheaf4j: {@link dev.sheaf4j.annotation.SheafNetwork} and the layer, skip and
 * pin annotations, with the enums that name activations, output maps and stalks (shared with the
 * runtime).
 */
package dev.sheaf4j.annotation;
