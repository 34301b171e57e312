/** The Spark engine of sweeps: trials run as Spark tasks, embedded ({@code local[N]}) or on a cluster. */
package dev.sheaf4j.spark;
