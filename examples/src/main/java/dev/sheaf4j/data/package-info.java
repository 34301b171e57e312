/** Data for the examples: the paper's synthetic tasks, Iris and MNIST, with train/test splits. */
package dev.sheaf4j.data;
