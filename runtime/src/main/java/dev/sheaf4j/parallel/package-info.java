/**
 * Steps of a batch split over threads: {@link dev.sheaf4j.parallel.ThreadPolicy} decides how many
 * threads a step gets by default (from its work and the cores {@link dev.sheaf4j.parallel.FreeCores}
 * finds free), {@link dev.sheaf4j.parallel.Crew} keeps the worker threads alive between steps, and
 * {@link dev.sheaf4j.parallel.EulerSteps} and {@link dev.sheaf4j.parallel.TrainingSteps} run a
 * kernel's Euler and joint training steps on contiguous shares of the samples;
 * {@link dev.sheaf4j.parallel.SplitForward} runs the forward pass of a large batch (a whole dataset's
 * evaluation) in shares on the common fork-join pool.
 */
package dev.sheaf4j.parallel;
