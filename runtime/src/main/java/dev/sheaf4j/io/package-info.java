/**
 * Saving and loading networks in sheaf4j's versioned, checksummed file format; atomic, durable
 * writes; one-line messages for files that cannot be read or written.
 */
package dev.sheaf4j.io;
