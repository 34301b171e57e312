package dev.sheaf4j.plots;

import dev.sheaf4j.Sheaf;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.ExampleNetworks;
import dev.sheaf4j.examples.Tasks;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.sweep.EngineOptions;
import dev.sheaf4j.sweep.Grid;
import dev.sheaf4j.sweep.LocalEngine;
import dev.sheaf4j.sweep.TrialResult;
import dev.sheaf4j.train.SheafTrainer;
import dev.sheaf4j.train.TrainingListener;
import dev.sheaf4j.train.TrainingResult;
import dev.sheaf4j.train.TrainingSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The paper's figure set: the diffusion figures of {@code demo}'s default run, training against
 * gradient descent and the weight-rate sweep, the spectral figures, and pictures of trained
 * networks. {@code quick} makes every run short. Seeds are the command-line tool's: seed {@code s}
 * is what {@code train paraboloid --seed s} or {@code demo --seed s} uses.
 */
public final class FigureSet {
    /** How many figures {@link #writeAll()} writes. */
    public static final int COUNT = 10;
    /** The seed of the diffusion figures, {@code demo}'s default. */
    public static final long DIFFUSION_SEED = 7;

    private final FigureFolder folder;
    private final boolean quick;
    private final IntConsumer progress;

    /** Figures into {@code folder}; {@code progress} hears the number of figures done. */
    public FigureSet(FigureFolder folder, boolean quick, IntConsumer progress) {
        this.folder = folder;
        this.quick = quick;
        this.progress = progress;
    }

    /** Computes and writes every figure; returns them in order. */
    public List<Figure> writeAll() throws IOException {
        SheafModel small = Sheaf.create(Architecture.relu(2, 6, 4, 1), DIFFUSION_SEED);
        DiffusionFigures.write(folder, small, SeededDiffusion.run(small, DIFFUSION_SEED, DiffusionSettings.defaults(),
                5));
        done();
        Tasks.Task paraboloid = Tasks.task("paraboloid", 1, 1);
        TrainingSettings settings = paraboloid.settings().withSchedule(quick ? 10 : 100, 1000);
        TrainingComparison training = TrainingComparison.run(paraboloid.network().apply(1), paraboloid.data(),
                settings, paraboloid.sgdRate(), TrainingListener.NONE, epoch -> { });
        TrainingFigures.comparison(folder, training);
        done();
        betaSweep(quick ? List.of(0.01, 0.1, 1.0, 10.0, 100.0, 1000.0)
                : List.of(0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0),
                quick ? List.of(1L) : List.of(1L, 2L, 3L), quick ? 5 : 100);
        done();
        SpectralFigures.evolution(folder, paraboloid, paraboloid.network().apply(1), settings, quick ? 2 : 10);
        done();
        Map<String, SheafModel> models = new LinkedHashMap<>();
        models.put("paraboloid", ExampleNetworks.create("paraboloid", 1));
        models.put("deep", ExampleNetworks.create("deep", 1));
        SpectralFigures.fiedlerShares(folder, paraboloid.data().test(), models);
        done();
        ModelFigures.surface(folder, training.sheaf().network(), quick ? 21 : 41);
        done();
        Tasks.Task circle = Tasks.task("circle", 1, 1);
        SheafModel classifier = circle.network().apply(1);
        TrainingResult trained = new SheafTrainer(classifier.kernel()).train(classifier.network(),
                circle.data().train(), null, Pins.none(), circle.settings().withSchedule(quick ? 5 : 50, 1000),
                TrainingListener.NONE);
        ModelFigures.decisionBoundary(folder, trained.network(), circle.data().test(), quick ? 81 : 161);
        done();
        ModelFigures.discordHeatMap(folder, training.sheaf().network(), paraboloid.data().test(), quick ? 15 : 40);
        done();
        return folder.figures();
    }

    /**
     * Final training loss against the weight rate {@code beta n_train} on the paraboloid, one curve
     * per seed: the sweep {@code sweep paraboloid --beta-n RATES --seeds SEEDS --epochs EPOCHS --steps 1000}
     * on every core.
     */
    private void betaSweep(List<Double> rates, List<Long> seeds, int epochs) throws IOException {
        Grid grid = new Grid().set("task", List.of("paraboloid"), "task").set("betaN", rates, "rates")
                .set("seed", seeds, "seeds").set("epochs", List.of(epochs), "epochs")
                .set("steps", List.of(1000), "steps");
        List<TrialResult> rows;
        try {
            rows = new LocalEngine().runAll(grid.trials(), EngineOptions.allCores());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the weight-rate sweep was interrupted");
        }
        SweepFigures.weightRate(folder, "beta-sweep", "Weight rate sweep on the paraboloid [2, 30, 1], " + epochs
                + " epochs", "Final training loss against the weight rate beta n_train: the loss stays high when the"
                + " rate is small, is lowest in a band in between, and training diverges (red crosses) when the rate"
                + " is too large.", rows, s -> "seed " + s.seed());
    }

    private void done() {
        progress.accept(folder.figures().size());
    }
}
