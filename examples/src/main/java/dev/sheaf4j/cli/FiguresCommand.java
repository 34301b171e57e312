package dev.sheaf4j.cli;

import dev.sheaf4j.plots.Figure;
import dev.sheaf4j.plots.FigureFolder;
import dev.sheaf4j.plots.FigureSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheaf4j figures --out DIR}: computes and draws the paper's figure set with an index page. */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "Reproduce the paper's figures (convergence, training, weight-rate sweep, diagnostics) as PNG and"
                + " SVG with an index.html; --quick makes a smaller set in well under two minutes.")
final class FiguresCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the figures.")
    Path out;

    @Option(names = "--quick", description = "Short runs: fewer epochs, one seed, coarser grids.")
    boolean quick;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        new OptionChecks(spec).writableFolder("--out", out);
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(System.err, "figures", !quiet);
        bar.update(0, FigureSet.COUNT, "");
        FigureFolder folder = new FigureFolder(out);
        List<Figure> figures;
        try {
            figures = new FigureSet(folder, quick, done -> bar.update(done, FigureSet.COUNT, "")).writeAll();
        } finally {
            bar.finish();
        }
        Path index = folder.writeIndex("sheaf4j: the paper's figures" + (quick ? " (quick)" : ""));
        System.out.printf(Locale.ROOT, "wrote %d figures (PNG and SVG) and %s in %.1f s%n", figures.size(), index,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
