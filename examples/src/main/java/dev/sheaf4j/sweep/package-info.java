/**
 * Sweeps: a grid of training settings ({@link dev.sheaf4j.sweep.Grid}, from options or a
 * {@link dev.sheaf4j.sweep.SpecFile}), each point a deterministic trial run by
 * {@link dev.sheaf4j.sweep.TrialRunner} through {@link dev.sheaf4j.sweep.MethodRun} (which runs the
 * methods of {@code train} and {@code compare} too); engines that run the trials
 * ({@link dev.sheaf4j.sweep.LocalEngine}, others found by {@link dev.sheaf4j.sweep.Engines}); and the
 * output folder with its tables ({@link dev.sheaf4j.sweep.ResultsFolder},
 * {@link dev.sheaf4j.sweep.ResultsTable}, {@link dev.sheaf4j.sweep.SeedSummary}).
 */
package dev.sheaf4j.sweep;
