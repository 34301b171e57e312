package dev.sheaf4j.plots;

import dev.sheaf4j.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@code index.html} of a figure set: every picture with its caption and the numbers behind it. */
final class IndexPage {
    private IndexPage() {
    }

    /** Writes {@code DIR/index.html} for {@code figures} (atomically). */
    static Path write(Path dir, String title, List<Figure> figures) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:960px;margin:auto}"
                        + "figure{margin:2em 0}img{max-width:100%}table{border-collapse:collapse;font-size:90%}"
                        + "td{border:1px solid #ccc;padding:2px 8px}</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (Figure f : figures) {
            html.append("<figure id=\"").append(f.name()).append("\">\n<a href=\"").append(f.name())
                    .append(".svg\"><img src=\"").append(f.name()).append(".png\" alt=\"").append(escape(f.caption()))
                    .append("\"></a>\n<figcaption>").append(escape(f.caption())).append("</figcaption>\n<table>\n");
            for (Map.Entry<String, String> n : f.numbers().entrySet()) {
                html.append("<tr><td>").append(escape(n.getKey())).append("</td><td>").append(escape(n.getValue()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n</figure>\n");
        }
        html.append("</body>\n</html>\n");
        Path index = dir.resolve("index.html");
        AtomicFiles.write(index, out -> out.write(html.toString().getBytes(StandardCharsets.UTF_8)));
        return index;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
