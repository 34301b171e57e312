package dev.sheaf4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's exceptions that carry only a path are turned into a reason a user can read. */
class FileErrorsTest {
    @Test
    void anExceptionThatCarriesOnlyThePathIsNamedByWhatHappened(@TempDir Path dir) {
        Path file = dir.resolve("out.png");
        assertEquals("cannot write " + file + ": permission denied",
                FileErrors.writing(file, new AccessDeniedException(file.toString())).getMessage());
        assertEquals("cannot write " + file + ": no such file or folder",
                FileErrors.writing(file, new NoSuchFileException(file.toString())).getMessage());
        assertEquals("cannot write " + file + ": the file system refused (FileSystemException)",
                FileErrors.writing(file, new FileSystemException(file.toString())).getMessage());
        assertEquals("cannot write " + file + ": Read-only file system",
                FileErrors.writing(file, new FileSystemException(file.toString(), null, "Read-only file system"))
                        .getMessage());
    }
}
