package dev.sheaf4j.solve;

import dev.sheaf4j.internal.Brief;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the exact solver can vouch for about one sample's equilibrium.
 *
 * @param certified whether the state is a stationary point of the energy in the nonsmooth sense
 *     (within the tolerance)
 * @param energy the energy minimised: edge energy, soft pins and, for a classifier output pinned in
 *     identity mode, its cross-entropy potential
 * @param stationarity the largest violation of stationarity: the largest gradient component over the
 *     free coordinates, and for a coordinate held at a ReLU kink how far 0 lies outside its one-sided
 *     derivatives
 * @param iterations Newton iterations taken
 * @param patternChanges activation switches along the way
 * @param atKink hidden pre-activations that settled exactly at {@code z = 0}
 * @param energyTrace the energy before each iteration and at the end
 * @param reason how the solve ended, in words
 */
public record Certificate(boolean certified, double energy, double stationarity, int iterations, int patternChanges,
        int atKink, double[] energyTrace, String reason) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate other && certified == other.certified
                && Double.compare(energy, other.energy) == 0 && Double.compare(stationarity, other.stationarity) == 0
                && iterations == other.iterations && patternChanges == other.patternChanges && atKink == other.atKink
                && Arrays.equals(energyTrace, other.energyTrace) && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certified, energy, stationarity, iterations, patternChanges, atKink,
                Arrays.hashCode(energyTrace), reason);
    }

    @Override
    public String toString() {
        return "Certificate[certified=" + certified + ", energy=" + energy + ", stationarity=" + stationarity
                + ", iterations=" + iterations + ", patternChanges=" + patternChanges + ", atKink=" + atKink
                + ", energyTrace=" + Brief.of(energyTrace) + ", reason=" + reason + "]";
    }
}
