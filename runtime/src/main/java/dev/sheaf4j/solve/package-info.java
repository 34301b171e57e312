/**
 * Solvers on a network's sheaf: the exact harmonic extension by forward substitution (through skip
 * connections too), the heat equation with its switch tracking and energy trace, and the exact
 * pinned equilibrium, split into its parts (output treatment, energy, kink set, Newton step on the
 * pattern's system, block tridiagonal for a plain network, eliminated in arrays each solver keeps,
 * and assembled whole for a residual one, line search, the per-sample loop, the per-weights
 * precomputation they share, and the folding of a pinned input with its batch's products {@code W_1 x}).
 */
package dev.sheaf4j.solve;
