/**
 * Training: the joint stalk/weight dynamics without a backward pass, equilibrium training, the
 * gradient-descent baseline with backpropagation, datasets (from rows or CSV files), losses and
 * predictions. {@code SheafModel.training(..)} is the way in; {@link dev.sheaf4j.train.SheafTrainer}
 * is the engine underneath.
 */
package dev.sheaf4j.train;
