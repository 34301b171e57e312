package dev.sheaf4j.solve;

/**
 * The step of one sample's solve at the current activation pattern: {@code -(H + shift I)^-1 g} on
 * the free coordinates not held at a kink, by the pattern system of the weights. Its pattern, right-hand
 * side and shifted diagonal live in arrays reused by every step. Not thread-safe: one per sample.
 */
final class NewtonStep {
    private final PatternSystem system;
    private final KinkSet kinks;
    private final OutputTerm output;
    private final boolean[] solved;
    private final double[] strength;
    private final boolean[] active;
    private final double[] masks;
    private final double[] rhs;
    private final double[] shifted;

    /**
     * The step over the {@code solved} coordinates, with the soft pins' {@code strength} on the
     * diagonal and {@code output}'s curvature on the output block.
     */
    NewtonStep(PatternSystem system, KinkSet kinks, OutputTerm output, boolean[] solved, double[] strength) {
        this.system = system;
        this.kinks = kinks;
        this.output = output;
        this.solved = solved;
        this.strength = strength;
        active = new boolean[solved.length];
        masks = new double[solved.length];
        rhs = new double[solved.length];
        shifted = new double[solved.length];
    }

    /**
     * The step {@code -(H + shift I)^-1 g} at {@code v}: an implicit Euler step of the heat equation of
     * length {@code 1 / shift} (so early steps follow the path diffusion would take across activation
     * patterns), the Newton step when the shift is 0.
     *
     * @throws SingularSystemException if the system is not positive definite
     */
    double[] at(double[] v, double[] g, double shift) {
        System.arraycopy(solved, 0, active, 0, active.length);
        kinks.pattern(v, active, masks);
        for (int c = 0; c < v.length; c++) {
            rhs[c] = active[c] ? -g[c] : 0;
        }
        double[] diagonal = strength;
        if (shift > 0) {
            diagonal = shifted;
            for (int c = 0; c < diagonal.length; c++) {
                diagonal[c] = strength[c] + shift;
            }
        }
        return system.solve(active, masks, diagonal, output.hessian(v), output.coupling(v), rhs);
    }
}
