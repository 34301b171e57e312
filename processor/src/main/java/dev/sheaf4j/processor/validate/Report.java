package dev.sheaf4j.processor.validate;

import dev.sheaf4j.processor.model.NetworkSpec;
import java.util.List;
import java.util.Optional;

/** The outcome of validating one declaration: its errors, and the spec when there are none. */
public record Report(List<Diagnostic> errors, Optional<NetworkSpec> spec) {
    /** Whether the declaration is valid. */
    public boolean clean() {
        return errors.isEmpty();
    }
}
