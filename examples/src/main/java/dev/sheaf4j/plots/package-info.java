/** Pictures of what happens inside a network, drawn with XChart, and the paper's figure set. */
package dev.sheaf4j.plots;
