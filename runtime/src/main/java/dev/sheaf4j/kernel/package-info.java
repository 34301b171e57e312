/**
 * The kernel contract: the hot loops (forward pass, discrepancies, forces, Euler steps) on
 * batches, with the generic implementation that generated kernels are tested against.
 */
package dev.sheaf4j.kernel;
