package dev.sheaf4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary file beside it, renamed into place only once complete.
 *
 * <p>What a write promises: the target holds either its previous content or the whole new content,
 * never part of it, even if the process is killed or the write fails; once {@link #write} returns,
 * the new content and the rename have been forced to the storage device (the file and its folder
 * are synced), so they survive a power cut. A temporary file is named
 * {@code .TARGET.PID-RANDOM.sheaf4j-tmp} after the process writing it; one left behind by a process
 * that was killed is deleted by the next write of the same target.
 */
public final class AtomicFiles {
    private static final String SUFFIX = ".sheaf4j-tmp";

    private AtomicFiles() {
    }

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} from {@code content}, readable by everyone like an ordinary new file.
     *
     * @throws IOException with a one-line message naming the target and what is wrong with it
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            removeStaleTemporaries(folder, absolute.getFileName().toString());
            Path temporary = Files.createTempFile(folder, prefix(absolute.getFileName().toString())
                    + ProcessHandle.current().pid() + "-", SUFFIX);
            try {
                writeAndSync(temporary, content);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions to set
                }
                moveIntoPlace(temporary, absolute);
                syncFolder(folder);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw FileErrors.writing(target, e);
        }
    }

    private static String prefix(String targetName) {
        return "." + targetName + ".";
    }

    private static void writeAndSync(Path file, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable; a system that cannot open a folder for syncing (Windows) is left as it is. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException cannotSyncFolders) {
            // the rename is done; only its durability across a power cut is left to the system
        }
    }

    /** Deletes temporary files of {@code targetName} whose writing process no longer runs. */
    private static void removeStaleTemporaries(Path folder, String targetName) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Pattern temporary = Pattern.compile(
                Pattern.quote(prefix(targetName)) + "(\\d{1,18})-\\d+" + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher m = temporary.matcher(file.getFileName().toString());
                if (m.matches() && !isRunning(Long.parseLong(m.group(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
