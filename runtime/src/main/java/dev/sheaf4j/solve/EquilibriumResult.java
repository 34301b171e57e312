package dev.sheaf4j.solve;

import dev.sheaf4j.sheaf.SheafState;
import java.util.List;

/**
 * The pinned equilibrium of each sample with its certificate.
 *
 * @param state the equilibrium states, one per sample
 * @param certificates one per sample, in order
 */
public record EquilibriumResult(SheafState state, List<Certificate> certificates) {
    /** Whether every sample's equilibrium is certified. */
    public boolean certified() {
        return certificates.stream().allMatch(Certificate::certified);
    }

    /** The certificate of sample 0, for single-sample solves. */
    public Certificate certificate() {
        return certificates.get(0);
    }

    /** A summary: the certificates of a few samples, or how many of many are certified. */
    @Override
    public String toString() {
        long certifiedCount = certificates.stream().filter(Certificate::certified).count();
        String certificateText = certificates.size() <= 2 ? "certificates=" + certificates
                : certifiedCount + " of " + certificates.size() + " certified";
        return "EquilibriumResult[" + certificateText + ", state=" + state + "]";
    }
}
