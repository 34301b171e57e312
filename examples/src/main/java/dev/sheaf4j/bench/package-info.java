/**
 * Benchmarks behind {@code sheaf4j bench}: generated against generic kernels, timed side by side,
 * with the dense EJML baseline kernel (plain networks only).
 */
package dev.sheaf4j.bench;
