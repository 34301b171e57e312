/**
 * Saving and loading networks, skip connections included, in sheaf4j's versioned, checksummed file
 * format (every earlier version still loads); atomic, durable writes; one-line messages for files
 * that cannot be read or written.
 */
package dev.sheaf4j.io;
