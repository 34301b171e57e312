/**
 * sheaf4j: feedforward ReLU networks as cellular sheaves. {@link dev.sheaf4j.SheafModel} is the
 * entry point: forward pass, exact harmonic extension, heat-equation diffusion with pins, discord
 * and spectra; {@link dev.sheaf4j.Sheaf} builds one for a network defined at run time.
 */
package dev.sheaf4j;
