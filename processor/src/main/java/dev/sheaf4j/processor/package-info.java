/**
 * The sheaf4j annotation processor's thin front end: it reads {@code @SheafNetwork} declarations
 * from javac's element model into the plain model of {@code dev.sheaf4j.processor.model}, reports the
 * validator's diagnostics through the {@code Messager}, and writes the generated files.
 */
package dev.sheaf4j.processor;
