package dev.sheaf4j.conformance;

/** The verdict of one conformance check. */
public enum Status {
    PASS, FAIL, SKIP
}
