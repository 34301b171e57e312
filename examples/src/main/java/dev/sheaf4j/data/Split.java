package dev.sheaf4j.data;

import dev.sheaf4j.train.Dataset;

/** A training set and a test set. */
public record Split(Dataset train, Dataset test) {
}
