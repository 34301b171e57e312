/**
 * The cellular sheaf of a network: its layout of vertices and edges, states, pins, the coboundary
 * and Laplacian as EJML matrices, spectra and discord, and the finiteness check of results
 * ({@link dev.sheaf4j.sheaf.NonFiniteException} when a result overflows).
 */
package dev.sheaf4j.sheaf;
