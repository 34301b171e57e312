package dev.sheaf4j.plots;

import java.util.Map;

/** One written figure: its file name (without extension), a one-line caption and the numbers behind it. */
public record Figure(String name, String caption, Map<String, String> numbers) {
}
