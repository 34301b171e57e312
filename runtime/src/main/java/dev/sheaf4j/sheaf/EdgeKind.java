package dev.sheaf4j.sheaf;

/** The kinds of edge in a network's sheaf. */
public enum EdgeKind {
    /** {@code a_(l-1) -> z_l}: discrepancy {@code r_l = W_l a_(l-1) + b_l - z_l}. */
    WEIGHT,
    /**
     * The weight edge into a layer that receives skip connections, with one tail per source:
     * discrepancy {@code r_l = W_l a_(l-1) + b_l + sum_skips P a_from - z_l}.
     */
    RESIDUAL,
    /** {@code z_l -> a_l}: discrepancy {@code s_l = m_l * z_l - a_l}. */
    ACTIVATION,
    /** {@code z_(k+1) -> a_out}: discrepancy {@code o = phi(z_(k+1)) - a_out}. */
    OUTPUT;

    /** Whether the edge is a layer's weight edge, with skips ({@link #RESIDUAL}) or without ({@link #WEIGHT}). */
    public boolean isWeight() {
        return this == WEIGHT || this == RESIDUAL;
    }
}
