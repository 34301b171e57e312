/** Benchmarks behind {@code sheaf4j bench}: generated against generic kernels, timed side by side. */
package dev.sheaf4j.bench;
