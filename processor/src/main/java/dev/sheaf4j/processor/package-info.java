/**
 * The sheaf4j annotation processor's thin front end: it finds {@code @SheafNetwork} declarations
 * (waiting a round for those javac has not resolved yet, and watching javac for local ones), reads
 * them from javac's element model into the plain model of {@code dev.sheaf4j.processor.model},
 * reports the validator's diagnostics through the {@code Messager}, and writes the generated files.
 */
package dev.sheaf4j.processor;
