package dev.sheaf4j.kernel;

/** How the output edge {@code o = phi(z) - a_out} pushes on {@code z_(k+1)}. */
public enum OutputEdgeMode {
    /** {@code -J_phi(z)^T o}: the exact gradient of the edge's L2 energy (the default). */
    JACOBIAN,
    /** {@code -o}: the cross-entropy-like force, used when a classifier's output is pinned. */
    IDENTITY
}
