/** The {@code sheaf4j} command-line tool (picocli): {@code demo}, {@code conformance}. */
package dev.sheaf4j.cli;
