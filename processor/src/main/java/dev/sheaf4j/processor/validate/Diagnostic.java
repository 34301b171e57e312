package dev.sheaf4j.processor.validate;

import dev.sheaf4j.processor.model.Origin;

/** One error: its catalogue entry, the finished text, and where in the declaration it belongs. */
public record Diagnostic(Message message, String text, Origin origin) {
}
