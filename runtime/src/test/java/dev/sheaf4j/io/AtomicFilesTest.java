package dev.sheaf4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the temporary files a killed writer leaves behind are removed by the next write. */
class AtomicFilesTest {
    @Test
    void theNextWriteRemovesTheTemporaryFileOfAKilledWriterButNotOfALiveOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("net.sheaf");
        Process finished = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor();
        Path stale = dir.resolve(".net.sheaf." + finished.pid() + "-123.sheaf4j-tmp");
        Path live = dir.resolve(".net.sheaf." + ProcessHandle.current().pid() + "-456.sheaf4j-tmp");
        Path otherTarget = dir.resolve(".other.sheaf." + finished.pid() + "-789.sheaf4j-tmp");
        for (Path p : new Path[] {stale, live, otherTarget}) {
            Files.createFile(p);
        }
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(stale), "the killed writer's empty temporary file is removed");
        assertTrue(Files.exists(live), "a running writer's temporary file is kept");
        assertTrue(Files.exists(otherTarget), "another target's temporary files are not touched");
    }

    @Test
    void aWriterKilledMidSaveLeavesNothingBehindAfterTheNextSave(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("loop.txt");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process writer = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), target.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!Files.exists(target) && writer.isAlive()) {
                Thread.sleep(10);
            }
            Thread.sleep(50);
        } finally {
            writer.destroyForcibly().waitFor();
        }
        assertTrue(Files.exists(target), "the writer saved at least once");
        AtomicFiles.write(target, out -> out.write("after".getBytes(StandardCharsets.UTF_8)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    /** Saves a file over and over until killed. */
    static final class SaveLoop {
        public static void main(String[] args) throws IOException {
            Path target = Path.of(args[0]);
            byte[] content = new byte[1 << 16];
            while (true) {
                AtomicFiles.write(target, out -> out.write(content));
            }
        }
    }
}
