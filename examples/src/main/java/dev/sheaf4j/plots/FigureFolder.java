package dev.sheaf4j.plots;

import dev.sheaf4j.io.AtomicFiles;
import dev.sheaf4j.io.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A folder of figures being written: each chart as PNG and SVG (headless and atomically, see
 * {@link AtomicFiles}), remembered with its caption and numbers for the index page.
 */
public final class FigureFolder {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final Path dir;
    private final List<Figure> figures = new ArrayList<>();

    /** Figures into {@code dir}, created when the first is written. */
    public FigureFolder(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code chart} as {@code NAME.png} and {@code NAME.svg} and notes it with its caption and numbers. */
    void add(Chart<?, ?> chart, String name, String caption, Map<String, String> numbers) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileErrors.writing(dir, e);
        }
        AtomicFiles.write(dir.resolve(name + ".png"),
                out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        AtomicFiles.write(dir.resolve(name + ".svg"), out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        figures.add(new Figure(name, caption, Collections.unmodifiableMap(new LinkedHashMap<>(numbers))));
    }

    /** The figures written so far, in order. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Writes {@code index.html} showing every figure written so far under {@code title}; returns its path. */
    public Path writeIndex(String title) throws IOException {
        return IndexPage.write(dir, title, figures);
    }
}
