/**
 * The {@code sheaf4j} command-line tool (picocli): its commands ({@code demo}, {@code infer},
 * {@code pin}, {@code train}, {@code sweep}, {@code compare}, {@code diagnose}, {@code figures},
 * {@code conformance}, {@code bench}), the options the training methods share, the checks of their
 * options before any work, their strict {@code --json} output, and the exit codes and one-line
 * messages of {@link dev.sheaf4j.cli.Main}.
 */
package dev.sheaf4j.cli;
