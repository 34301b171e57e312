/**
 * Comparison of tuned gradient descent with the methods that train without a backward pass: the
 * default budget of each task ({@link dev.sheaf4j.compare.Budget}), the trials a comparison runs and
 * their summary per method over seeds ({@link dev.sheaf4j.compare.Comparison},
 * {@link dev.sheaf4j.compare.MethodSummary}).
 */
package dev.sheaf4j.compare;
