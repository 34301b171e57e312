/**
 * sheaf4j: feedforward ReLU networks as cellular sheaves. {@link dev.sheaf4j.SheafModel} is the
 * entry point: forward pass, exact harmonic extension, heat-equation diffusion and exact
 * equilibria with pins, training, discord and spectra. The requests ({@link dev.sheaf4j.DiffusionRequest},
 * {@link dev.sheaf4j.EquilibriumRequest}, {@link dev.sheaf4j.TrainingRequest}) collect pins and
 * settings before a run; {@link dev.sheaf4j.TrainedModel} is a trained model with how training went;
 * {@link dev.sheaf4j.Sheaf} is the model of a network defined at run time.
 */
package dev.sheaf4j;
