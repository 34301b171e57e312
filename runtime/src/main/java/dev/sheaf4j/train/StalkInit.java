package dev.sheaf4j.train;

/** How training (re-)initialises the stalks of each sample. */
public enum StalkInit {
    /** The forward pass of the current weights. */
    FORWARD_PASS,
    /** Independent standard normal values, from the training seed. */
    RANDOM,
    /** All zero. */
    ZEROS
}
