/** Helpers shared by the runtime packages; not part of the public API. */
package dev.sheaf4j.internal;
