/**
 * The cellular sheaf of a network: its layout of vertices and edges, pins, the coboundary and
 * Laplacian as EJML matrices, spectra and discord.
 */
package dev.sheaf4j.sheaf;
