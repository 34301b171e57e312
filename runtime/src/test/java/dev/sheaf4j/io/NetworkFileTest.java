package dev.sheaf4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading networks: exact round trips, and clear errors for bad files. */
class NetworkFileTest {
    private final Network network = Network.heInitialised(new Architecture(new int[] {3, 5, 4, 2},
            new double[] {0.0, 0.2}, OutputActivation.SOFTMAX), 11);

    @Test
    void roundTripIsExact(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.sheaf");
        NetworkFile.save(network, file);
        Network loaded = NetworkFile.load(file);
        assertEquals(network.architecture(), loaded.architecture());
        assertArrayEquals(network.parameters(), loaded.parameters());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aResidualNetworkRoundTripsWithItsSkips(@TempDir Path dir) throws IOException {
        Architecture arch = new Architecture(new int[] {3, 4, 4, 2}, new double[] {0.0, 0.1}, OutputActivation.SIGMOID,
                List.of(Skip.identity(1, 2), Skip.projection(0, 3), Skip.projection(1, 3)));
        Network residual = Network.heInitialised(arch, 5);
        Path file = dir.resolve("residual.sheaf");
        NetworkFile.save(residual, file);
        Network loaded = NetworkFile.load(file);
        assertEquals(arch, loaded.architecture());
        assertArrayEquals(residual.parameters(), loaded.parameters());
    }

    /** A file saved by the version-1 code, before skip connections, kept as a test resource. */
    @Test
    void aFileOfTheFirstVersionStillLoads() throws IOException, java.net.URISyntaxException {
        Path file = Path.of(NetworkFileTest.class.getResource("version-1.sheaf").toURI());
        assertTrue(Files.readString(file).startsWith(NetworkFile.MAGIC + " 1\n"), "the resource is of version 1");
        Architecture arch = new Architecture(new int[] {3, 4, 2}, new double[] {0.1}, OutputActivation.SIGMOID);
        Network loaded = NetworkFile.load(file, arch);
        assertArrayEquals(Network.heInitialised(arch, 7).parameters(), loaded.parameters());
    }

    @Test
    void badSkipsAreOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        String header = "sheaf4j-network 2\nwidths 2 3 1\nslopes 0.0\noutput identity\nskips ";
        String parameters = "\nparameters 13\n" + "0.5\n".repeat(13);
        assertFieldRefused(dir, header + "0->x" + parameters,
                "line 5: '0->x' is not a skip (write from->to for an identity skip, from-P->to for a projection)");
        assertRefused(dir, header + "0->2" + parameters,
                " describes an invalid network: skip x -> z_2: an identity skip needs equal widths");
        assertRefused(dir, header + "2-P->1" + parameters, " describes an invalid network: skip a_2 -P-> z_1");
        assertRefused(dir, header + "0-P->2 0-P->2" + "\nparameters 15\n" + "0.5\n".repeat(15),
                " describes an invalid network: skip from layer 0 to layer 2 given twice");
        assertFieldRefused(dir, "sheaf4j-network 2\nwidths 1 1\nslopes\noutput identity\nparameters 2\n1\n0\n",
                "line 5 should start with 'skips'");
        assertRefused(dir, "sheaf4j-network 3\n", " has format version 3; this sheaf4j reads versions 1 to 2");
    }

    @Test
    void aCorruptFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.sheaf");
        NetworkFile.save(network, file);
        String text = Files.readString(file);
        int at = text.indexOf("parameters");
        Files.writeString(file, text.substring(0, at + 20) + (text.charAt(at + 20) == '1' ? '2' : '1')
                + text.substring(at + 21));
        IOException e = assertThrows(IOException.class, () -> NetworkFile.load(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.sheaf");
        NetworkFile.save(network, file);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        IOException e = assertThrows(IOException.class, () -> NetworkFile.load(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anotherFormatOrArchitectureIsRejected(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "hello\n");
        assertTrue(assertThrows(IOException.class, () -> NetworkFile.load(other)).getMessage()
                .contains("not a sheaf4j network file"));
        Path file = dir.resolve("net.sheaf");
        NetworkFile.save(network, file);
        IOException e = assertThrows(IOException.class,
                () -> NetworkFile.load(file, Architecture.relu(OutputActivation.SOFTMAX, 3, 5, 2)));
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousFileUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("net.sheaf");
        NetworkFile.save(network, file);
        String before = Files.readString(file);
        Path missingFolder = dir.resolve("missing").resolve("net.sheaf");
        assertThrows(IOException.class, () -> NetworkFile.save(network, missingFolder));
        Path folderAsTarget = dir.resolve("folder");
        Files.createDirectories(folderAsTarget.resolve("child"));
        assertThrows(IOException.class, () -> NetworkFile.save(network, folderAsTarget));
        assertEquals(before, Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the saved file and the folder remain");
        }
    }

    @Test
    void aFileWithAValidChecksumForANetworkTooLargeIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.sheaf");
        String body = "sheaf4j-network 1\nwidths 65536 65536 1\nslopes 0.0\noutput identity\nparameters 4295098369\n";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, body + String.format("crc32 %08x%n", crc.getValue()));
        IOException e = assertThrows(IOException.class, () -> NetworkFile.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("4295098369 parameters")
                && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aFieldThatCannotBeReadIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        String header = "sheaf4j-network 1\nwidths 1 1\nslopes\noutput ";
        assertFieldRefused(dir, header + "banana\nparameters 2\n1.0\n0.0\n",
                "line 4: output 'banana' is not one of identity, sigmoid, softmax");
        assertFieldRefused(dir, "sheaf4j-network 1\nwidths 1 abc\nslopes\noutput identity\nparameters 2\n1\n0\n",
                "line 2: 'abc' is not a whole number");
        assertFieldRefused(dir, "sheaf4j-network 1\nwidths 1 99999999999\nslopes\noutput identity\nparameters 2\n",
                "line 2: '99999999999' is not a whole number");
        assertFieldRefused(dir, header + "identity\nparameters 2\n1.0\nhello\n",
                "line 7: 'hello' is not a number");
        assertFieldRefused(dir, "sheaf4j-network x\n", "line 1: 'x' is not a whole number");
    }

    @Test
    void textAfterTheChecksumLineIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.sheaf");
        NetworkFile.save(network, file);
        Files.writeString(file, Files.readString(file) + "junk\n");
        assertOneLine("text after the checksum", file + " is corrupt: its checksum line 'crc32 ", file);
    }

    private static void assertFieldRefused(Path dir, String body, String expectedProblem) throws IOException {
        assertRefused(dir, body, ": " + expectedProblem);
    }

    /** A file of {@code body} with a valid checksum is refused in one line: its name, then {@code afterName}. */
    private static void assertRefused(Path dir, String body, String afterName) throws IOException {
        Path file = dir.resolve("field.sheaf");
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        Files.writeString(file, body + String.format("crc32 %08x%n", crc.getValue()));
        assertOneLine(afterName, file + afterName, file);
    }

    @Test
    void binaryGarbageAJarAndAFlippedHighBitAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path garbage = dir.resolve("garbage.sheaf");
        byte[] noise = new byte[4096];
        new java.util.Random(5).nextBytes(noise);
        Files.write(garbage, noise);
        assertOneLine("cannot load " + garbage, garbage + " is not a sheaf4j network file", garbage);

        Path jar = dir.resolve("tool.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
            zip.closeEntry();
        }
        assertOneLine("cannot load " + jar, jar + " is not a sheaf4j network file", jar);

        Path flipped = dir.resolve("flipped.sheaf");
        NetworkFile.save(network, flipped);
        byte[] bytes = Files.readAllBytes(flipped);
        int digit = bytes.length / 2;
        while (!Character.isDigit(bytes[digit])) {
            digit++;
        }
        bytes[digit] ^= (byte) 0x80;
        Files.write(flipped, bytes);
        assertOneLine("a flipped high bit", flipped + " is corrupt", flipped);
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithTheProblem(@TempDir Path dir) {
        assertOneLine("a folder", "cannot read " + dir + ": it is a folder, not a file", dir);
        Path missing = dir.resolve("missing.sheaf");
        assertOneLine("a missing file", "cannot read " + missing + ": no such file", missing);
    }

    @Test
    void anUnwritableTargetIsNamedWithTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        Path underFile = file.resolve("net.sheaf");
        assertEquals("cannot write " + underFile + ": " + file + " is a file, not a folder",
                assertThrows(IOException.class, () -> NetworkFile.save(network, underFile)).getMessage());
        Path underMissing = dir.resolve("missing").resolve("net.sheaf");
        assertEquals("cannot write " + underMissing + ": its folder " + dir.resolve("missing") + " does not exist",
                assertThrows(IOException.class, () -> NetworkFile.save(network, underMissing)).getMessage());
        assertEquals("cannot write " + dir + ": it is a folder, not a file",
                assertThrows(IOException.class, () -> NetworkFile.save(network, dir)).getMessage());
    }

    private static void assertOneLine(String what, String expectedStart, Path file) {
        IOException e = assertThrows(IOException.class, () -> NetworkFile.load(file), what);
        assertTrue(e.getMessage().startsWith(expectedStart), what + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), what + ": " + e.getMessage());
    }
}
