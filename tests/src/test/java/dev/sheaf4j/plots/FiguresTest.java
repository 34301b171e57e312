package dev.sheaf4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code figures --quick} end to end: every picture written, valid, and linked from the index. */
class FiguresTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void quickFiguresAreWrittenValidAndIndexed(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.run("figures", "--out", dir.toString(), "--quick", "--quiet"));
        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        List<String> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
        assertEquals(FigureSet.COUNT, pngs.size(), pngs.toString());
        for (String png : pngs) {
            byte[] bytes = Files.readAllBytes(dir.resolve(png));
            assertArrayEquals(PNG, Arrays.copyOf(bytes, 8), png + " is not a PNG");
            String svg = png.replace(".png", ".svg");
            String text = Files.readString(dir.resolve(svg), StandardCharsets.UTF_8);
            assertTrue(text.contains("<svg") && text.trim().endsWith("</svg>"), svg + " is not a complete SVG");
            assertTrue(index.contains("src=\"" + png + "\""), "index.html does not show " + png);
            assertTrue(index.contains("href=\"" + svg + "\""), "index.html does not link " + svg);
        }
        Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(index);
        int count = 0;
        while (images.find()) {
            assertTrue(Files.size(dir.resolve(images.group(1))) > 1000, images.group(1) + " is (nearly) empty");
            count++;
        }
        assertEquals(FigureSet.COUNT, count);
        assertTrue(index.contains("diverged at epoch"), "the quick weight-rate sweep shows no divergence");
        assertTrue(index.contains("slope 2 alpha lambda_min") || index.contains("2 alpha lambda_min (final pattern)"));
        assertTrue(index.contains("<td>test points</td><td>100</td>"), "the decision boundary lacks its data");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
        }
    }
}
