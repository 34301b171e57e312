/**
 * The conformance runner: checks sheaf4j against fixtures recorded from the paper authors'
 * reference implementation, with the tolerances the fixture format defines.
 */
package dev.sheaf4j.conformance;
