/** Saving and loading networks in sheaf4j's versioned, checksummed file format. */
package dev.sheaf4j.io;
