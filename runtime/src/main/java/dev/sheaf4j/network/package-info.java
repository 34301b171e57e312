/** The network model: architectures, parameters and their seeded He initialisation. */
package dev.sheaf4j.network;
