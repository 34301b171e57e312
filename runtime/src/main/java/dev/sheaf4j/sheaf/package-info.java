/**
 * The cellular sheaf of a network: its layout of vertices and edges (a skip connection rides on the
 * weight edge of its target, which becomes a residual edge, and adds no vertex or edge), states,
 * pins, the coboundary and Laplacian as EJML matrices (with the blocks skip connections add),
 * spectra, discord by edge, layer and edge kind, and the finiteness check of results
 * ({@link dev.sheaf4j.sheaf.NonFiniteException} when a result overflows).
 */
package dev.sheaf4j.sheaf;
