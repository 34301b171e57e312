package dev.sheaf4j.io;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A saved network: a versioned, self-describing text file holding the architecture (widths, hidden
 * slopes, output map, skip connections) and every parameter in round-trip decimal, closed by a
 * CRC-32 of everything before it. Written atomically (a temporary file beside the target, then a rename), so a failed
 * save leaves the previous file as it was; read back without the declaring class.
 *
 * <pre>
 * sheaf4j-network 2
 * widths 2 30 30 1
 * slopes 0.0 0.0
 * output identity
 * skips 1->3 0-P->2   (from->to for an identity skip, from-P->to for a projection; none for a plain network)
 * parameters 1111
 * 0.123...            (one per line, in the flat layout of {@link Architecture}, projections last)
 * crc32 1a2b3c4d
 * </pre>
 *
 * <p>Files of version 1, written before skip connections, have no {@code skips} line and still load.
 */
public final class NetworkFile {
    /** The first word of every file. */
    public static final String MAGIC = "sheaf4j-network";
    /** The format version this code writes; it reads this one and every earlier one. */
    public static final int VERSION = 2;
    /** The first version with a {@code skips} line. */
    private static final int SKIPS_SINCE = 2;
    /** A skip's word on the {@code skips} line. */
    private static final Pattern SKIP = Pattern.compile("(\\d+)(-P)?->(\\d+)");

    private NetworkFile() {
    }

    /** Writes {@code network} to {@code path} atomically. */
    public static void save(Network network, Path path) throws IOException {
        Architecture arch = network.architecture();
        StringBuilder body = new StringBuilder();
        body.append(MAGIC).append(' ').append(VERSION).append('\n');
        body.append("widths");
        for (int w : arch.widths()) {
            body.append(' ').append(w);
        }
        body.append("\nslopes");
        for (int l = 1; l <= arch.hiddenLayers(); l++) {
            body.append(' ').append(arch.slope(l));
        }
        body.append("\noutput ").append(arch.head().name().toLowerCase(Locale.ROOT)).append('\n');
        body.append("skips");
        for (Skip skip : arch.skips()) {
            body.append(' ').append(skip.from()).append(skip.projected() ? "-P->" : "->").append(skip.to());
        }
        body.append('\n');
        double[] p = network.parameters();
        body.append("parameters ").append(p.length).append('\n');
        for (double v : p) {
            body.append(v).append('\n');
        }
        String checksum = crc(body.toString());
        body.append("crc32 ").append(checksum).append('\n');
        AtomicFiles.write(path, out -> out.write(body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a network saved by {@link #save}.
     *
     * @throws IOException if the file cannot be read, or is not a sheaf4j network file, is of
     *     another version, is truncated or corrupt (checksum mismatch; bytes that are not UTF-8 text
     *     count as corrupt), or describes an invalid network; the message is one line naming the file
     */
    public static Network load(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw FileErrors.reading(path, e);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), path.toString());
    }

    /**
     * Reads a network from the text of a saved file; {@code source} names it in error messages.
     *
     * @throws IOException as {@link #load(Path)}
     */
    public static Network parse(String text, String source) throws IOException {
        int crcLine = text.lastIndexOf("crc32 ");
        if (!text.startsWith(MAGIC + " ")) {
            throw new IOException(source + " is not a sheaf4j network file (it does not start with '" + MAGIC + "')");
        }
        if (crcLine < 0) {
            throw new IOException(source + " is truncated: its closing checksum line is missing");
        }
        String body = text.substring(0, crcLine);
        String stored = text.substring(crcLine + 6).trim();
        if (stored.contains("\n")) {
            throw new IOException(source + " is corrupt: its checksum line 'crc32 " + stored.lines().findFirst().get()
                    + "' is followed by more text");
        }
        if (!stored.equals(crc(body))) {
            throw new IOException(source + " is corrupt: checksum " + crc(body) + " does not match the stored "
                    + stored);
        }
        List<String> lines = List.of(body.split("\n"));
        int version = wholeNumber(field(lines, 0, MAGIC, source), 0, source);
        if (version < 1 || version > VERSION) {
            throw new IOException(source + " has format version " + version + "; this sheaf4j reads versions 1 to "
                    + VERSION);
        }
        int[] widths = wholeNumbers(field(lines, 1, "widths", source), 1, source);
        double[] slopes = numbers(field(lines, 2, "slopes", source), 2, source);
        OutputActivation head = outputActivation(field(lines, 3, "output", source), source);
        boolean withSkips = version >= SKIPS_SINCE;
        List<Skip> skips = withSkips ? skips(field(lines, 4, "skips", source), 4, source) : List.of();
        int header = withSkips ? 5 : 4;
        try {
            Architecture arch = new Architecture(widths, slopes, head, skips);
            int count = wholeNumber(field(lines, header, "parameters", source), header, source);
            if (count != arch.parameterCount() || lines.size() != header + 1 + count) {
                throw new IOException(source + " lists " + (lines.size() - header - 1) + " parameters under a header of "
                        + count + "; the architecture " + arch + " needs " + arch.parameterCount());
            }
            double[] p = new double[count];
            for (int i = 0; i < count; i++) {
                p[i] = number(lines.get(header + 1 + i), header + 1 + i, source);
            }
            return new Network(arch, p);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " describes an invalid network: " + e.getMessage(), e);
        }
    }

    /** The skips in {@code text}, found on line {@code index} (0-based): {@code from->to} or {@code from-P->to} each. */
    private static List<Skip> skips(String text, int index, String source) throws IOException {
        List<Skip> skips = new ArrayList<>();
        for (String word : words(text)) {
            Matcher m = SKIP.matcher(word);
            if (!m.matches()) {
                throw new IOException(source + ": line " + (index + 1) + ": '" + word + "' is not a skip (write"
                        + " from->to for an identity skip, from-P->to for a projection)");
            }
            int from = wholeNumber(m.group(1), index, source);
            int to = wholeNumber(m.group(3), index, source);
            skips.add(new Skip(from, to, m.group(2) != null));
        }
        return skips;
    }

    /**
     * Reads a network saved by {@link #save} and checks that it has the {@code expected} architecture.
     *
     * @throws IOException as {@link #load(Path)}, or if the saved architecture differs
     */
    public static Network load(Path path, Architecture expected) throws IOException {
        Network network = load(path);
        if (!network.architecture().equals(expected)) {
            throw new IOException(path + " holds a network of architecture " + network.architecture() + ", not the "
                    + expected + " expected");
        }
        return network;
    }

    private static String field(List<String> lines, int index, String name, String source) throws IOException {
        if (index >= lines.size() || !lines.get(index).startsWith(name)) {
            throw new IOException(source + ": line " + (index + 1) + " should start with '" + name + "'");
        }
        return lines.get(index).substring(name.length()).trim();
    }

    private static OutputActivation outputActivation(String name, String source) throws IOException {
        for (OutputActivation head : OutputActivation.values()) {
            if (head.name().toLowerCase(Locale.ROOT).equals(name)) {
                return head;
            }
        }
        throw new IOException(source + ": line 4: output '" + name + "' is not one of identity, sigmoid, softmax");
    }

    private static int wholeNumber(String text, int index, String source) throws IOException {
        int[] values = wholeNumbers(text, index, source);
        if (values.length != 1) {
            throw notA("whole number", text.trim(), index, source);
        }
        return values[0];
    }

    private static double number(String text, int index, String source) throws IOException {
        double[] values = numbers(text, index, source);
        if (values.length != 1) {
            throw notA("number", text.trim(), index, source);
        }
        return values[0];
    }

    /** The whole numbers in {@code text}, found on line {@code index} (0-based). */
    private static int[] wholeNumbers(String text, int index, String source) throws IOException {
        List<String> words = words(text);
        int[] values = new int[words.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Integer.parseInt(words.get(i));
            } catch (NumberFormatException e) {
                throw notA("whole number", words.get(i), index, source);
            }
        }
        return values;
    }

    /** The numbers in {@code text}, found on line {@code index} (0-based). */
    private static double[] numbers(String text, int index, String source) throws IOException {
        List<String> words = words(text);
        double[] values = new double[words.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Double.parseDouble(words.get(i));
            } catch (NumberFormatException e) {
                throw notA("number", words.get(i), index, source);
            }
        }
        return values;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String s : text.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                words.add(s);
            }
        }
        return words;
    }

    private static IOException notA(String kind, String word, int index, String source) {
        return new IOException(source + ": line " + (index + 1) + ": '" + word + "' is not a " + kind);
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
