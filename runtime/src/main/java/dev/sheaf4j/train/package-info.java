/**
 * Training: the joint stalk/weight dynamics without a backward pass, equilibrium training, the
 * gradient-descent baseline with backpropagation, datasets, losses and predictions.
 */
package dev.sheaf4j.train;
