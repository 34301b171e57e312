package dev.sheaf4j.sheaf;

/** The three kinds of edge in a network's sheaf. */
public enum EdgeKind {
    /** {@code a_(l-1) -> z_l}: discrepancy {@code r_l = W_l a_(l-1) + b_l - z_l}. */
    WEIGHT,
    /** {@code z_l -> a_l}: discrepancy {@code s_l = m_l * z_l - a_l}. */
    ACTIVATION,
    /** {@code z_(k+1) -> a_out}: discrepancy {@code o = phi(z_(k+1)) - a_out}. */
    OUTPUT
}
