/**
 * Training: the joint stalk/weight dynamics without a backward pass (the paper's schedule, or an
 * opt-in {@link dev.sheaf4j.train.JointSchedule} of stalk steps per weight step, forward-pass restarts
 * and per-layer weight rates), equilibrium training, nudged equilibrium training (a local rule whose
 * step tends to the gradient as the nudge goes to zero, with momentum, a rate schedule and per-layer
 * rates), the gradient-descent baseline with backpropagation and its learning rate chosen on a
 * validation split ({@link dev.sheaf4j.train.RateSearch}), the {@link dev.sheaf4j.train.StepRule}
 * (rate, momentum, schedule) that the baseline and the nudged rule share, datasets (from rows or CSV files), losses
 * and predictions. Every method trains residual networks too, learning the skips' projections: the
 * sheaf methods by the same local rules as the layers' weights, gradient descent by backpropagating
 * through the skips. {@code SheafModel.training(..)} is the way in; {@link dev.sheaf4j.train.SheafTrainer}
 * is the engine underneath.
 */
package dev.sheaf4j.train;
