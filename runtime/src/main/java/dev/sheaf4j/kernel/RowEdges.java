package dev.sheaf4j.kernel;

/**
 * The weight and activation edges of every layer on a batch held in {@link RowBuffers}: what
 * {@link RowSteps} runs on the {@link Routing.StepRoute#ROWS} route. {@link RowPass} is the
 * implementation for any architecture; a generated kernel brings its own, specialised to its widths.
 */
public interface RowEdges {
    /**
     * {@code r_l} and {@code s_l} of every layer into {@code rows.discrepancy()}, from
     * {@code rows.state()}, and the forces of the weight and activation edges on {@code x .. z_(k+1)}
     * into {@code rows.force()}.
     */
    void edges(double[] params, RowBuffers rows);

    /** The weight step of every layer from {@code rows.discrepancy()} and the old {@code rows.state()}. */
    void descend(double[] params, RowBuffers rows, double betaDt);
}
