package dev.sheaf4j.cli;

import dev.sheaf4j.io.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's option values before it does any work; a bad value is a usage error naming
 * the option. A value left unset ({@code null}) passes: the command's default applies.
 */
final class OptionChecks {
    private final CommandSpec spec;

    OptionChecks(CommandSpec spec) {
        this.spec = spec;
    }

    /** Requires a count of at least 1. */
    OptionChecks positive(String option, Integer value) {
        return require(value == null || value >= 1, option + " must be at least 1, got " + value);
    }

    /** Requires counts of at least 1. */
    OptionChecks positive(String option, int[] values) {
        for (int value : values == null ? new int[0] : values) {
            positive(option, value);
        }
        return this;
    }

    /** Requires a count of at least 0. */
    OptionChecks notNegative(String option, Integer value) {
        return require(value == null || value >= 0, option + " must be 0 or more, got " + value);
    }

    /** Requires a finite number above 0. */
    OptionChecks positive(String option, Double value) {
        return require(value == null || (value > 0 && Double.isFinite(value)),
                option + " must be a finite number above 0, got " + value);
    }

    /** Requires every value to be one of {@code allowed}. */
    OptionChecks oneOf(String option, Collection<String> values, Collection<String> allowed) {
        for (String value : values) {
            require(allowed.contains(value), option + ": unknown '" + value + "'; choose from " + allowed);
        }
        return this;
    }

    /** Requires that a file can be written at {@code file} (its folder exists and is writable). */
    OptionChecks writableFile(String option, Path file) {
        if (file != null) {
            FileErrors.unwritable(file).ifPresent(why -> fail(option + ": cannot write " + file + ": " + why));
        }
        return this;
    }

    /**
     * Requires that {@code folder} is a writable folder or can be created as one, and creates it, so that
     * a file system that refuses it (whatever its permissions say) shows before any work.
     */
    OptionChecks writableFolder(String option, Path folder) {
        Path existing = folder.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            fail(option + ": cannot write into " + folder + ": " + existing + " is a file, not a folder");
        }
        require(Files.isWritable(existing),
                option + ": cannot write into " + folder + ": folder " + existing + " is not writable");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            fail(option + ": " + FileErrors.writing(folder, e).getMessage());
        }
        return this;
    }

    /** What {@code make} builds from an option's value; its refusal is a usage error naming the option. */
    <T> T build(String option, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    /** Requires {@code condition}, else fails with {@code message}. */
    OptionChecks require(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
        return this;
    }

    private void fail(String message) {
        throw new ParameterException(spec.commandLine(), message);
    }
}
