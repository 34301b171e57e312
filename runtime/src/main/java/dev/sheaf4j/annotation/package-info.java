/**
 * The declaration vocabulary of sheaf4j: the enums that name activations, output maps and stalks,
 * shared by the runtime and by declared networks.
 */
package dev.sheaf4j.annotation;
