/**
 * JMH benchmarks of the kernels, run from the command-line jar with
 * {@code java -cp examples/target/sheaf4j-examples-*-cli.jar org.openjdk.jmh.Main KernelStep}.
 */
package dev.sheaf4j.bench.jmh;
