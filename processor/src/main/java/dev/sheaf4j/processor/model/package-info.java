/**
 * The processor's plain model of a network declaration: what the front end reads from the source
 * ({@link dev.sheaf4j.processor.model.NetworkDeclaration}) and the validated form the generators
 * take ({@link dev.sheaf4j.processor.model.NetworkSpec}). Free of {@code javax.lang.model}.
 */
package dev.sheaf4j.processor.model;
