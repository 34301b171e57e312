/**
 * Pictures of what happens inside a network, of sweeps' results and of comparisons of methods, drawn
 * with XChart, and the paper's figure set.
 */
package dev.sheaf4j.plots;
