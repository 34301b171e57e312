/**
 * Example networks declared with the sheaf4j DSL: the paper's networks, Iris, MNIST, and a
 * classifier with declared pins. The processor generates {@code <Name>Sheaf} for each.
 */
package dev.sheaf4j.examples;
