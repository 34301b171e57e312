/**
 * The kernel contract: the hot loops (forward pass, discrepancies, forces, Euler and training
 * steps) on batches, with the generic implementation that generated kernels are tested against.
 * {@link dev.sheaf4j.kernel.Routing} is the one table of which code runs for which batch size and
 * layer; the steps run one strategy per route (flat arrays through a kernel's own flat primitives,
 * or the batch in tiles of samples, one short array per coordinate, through its tile primitives).
 * The mathematics each piece of code shares lives once: the hidden activation and its mask
 * ({@link dev.sheaf4j.kernel.HiddenActivation}), the walk over the layers' blocks
 * ({@link dev.sheaf4j.kernel.LayerSpan}), the output edge, and the flat and tile loops of one layer.
 */
package dev.sheaf4j.kernel;
