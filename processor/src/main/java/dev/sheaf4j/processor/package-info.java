/**
 * The sheaf4j annotation processor: reads network declarations into a plain model, validates
 * them into a report and generates specialised kernels. The declaration DSL and its generator
 * arrive with the DSL work; this module is wired into the build now so that its dependencies and
 * tests have a home.
 */
package dev.sheaf4j.processor;
