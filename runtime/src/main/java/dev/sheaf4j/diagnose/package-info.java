/**
 * Diagnostics: pinned discord of a trained network on data, spectral surveys of {@code L_free} over
 * inputs, and convergence checks of diffusions against the theory's rate.
 */
package dev.sheaf4j.diagnose;
