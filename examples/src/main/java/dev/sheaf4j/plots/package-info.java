/** Pictures of what happens inside a network and of sweeps' results, drawn with XChart, and the paper's figure set. */
package dev.sheaf4j.plots;
