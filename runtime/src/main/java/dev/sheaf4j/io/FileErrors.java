package dev.sheaf4j.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One-line messages that say what is wrong with which file, in place of the JDK's terse exceptions
 * (a bare path, {@code Is a directory}, {@code MalformedInputException: Input length = 1}).
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** An exception saying why {@code file} could not be read, with {@code cause} attached. */
    public static IOException reading(Path file, IOException cause) {
        String why;
        if (Files.isDirectory(file)) {
            why = "it is a folder, not a file";
        } else if (!Files.exists(file)) {
            why = "no such file";
        } else if (!Files.isReadable(file)) {
            why = "permission denied";
        } else if (cause instanceof CharacterCodingException) {
            why = "it is not UTF-8 text (binary data, or a corrupted byte)";
        } else {
            why = reason(cause);
        }
        return new IOException("cannot read " + file + ": " + why, cause);
    }

    /** An exception saying why {@code file} could not be written, with {@code cause} attached. */
    public static IOException writing(Path file, IOException cause) {
        return new IOException("cannot write " + file + ": " + unwritable(file).orElse(reason(cause)), cause);
    }

    /**
     * Why a file could not be written at {@code file}, found without writing: it is a folder, its
     * folder is missing, is a file, or is not writable; empty if none of these holds.
     */
    public static Optional<String> unwritable(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return Optional.of("it is a folder, not a file");
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.exists(folder)) {
            return Optional.of("its folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + " is a file, not a folder");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("its folder " + folder + " is not writable");
        }
        return Optional.empty();
    }

    /** The cause in words; the JDK's file-system exceptions often carry only the path, so their type says it. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (fs instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (fs instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            return "the file system refused (" + fs.getClass().getSimpleName() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
