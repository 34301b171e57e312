/**
 * The kernel contract: the hot loops (forward pass, discrepancies, forces, Euler and training
 * steps) on batches, with the generic implementation that generated kernels are tested against,
 * the flat loops they share, and the row loops that large batches run on.
 */
package dev.sheaf4j.kernel;
