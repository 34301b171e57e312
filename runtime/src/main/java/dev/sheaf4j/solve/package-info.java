/**
 * Solvers on a network's sheaf: the exact harmonic extension by forward substitution and the heat
 * equation with its switch tracking and energy trace.
 */
package dev.sheaf4j.solve;
