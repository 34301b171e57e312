package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sheaf4j.TrainedModel;
import dev.sheaf4j.data.Split;
import dev.sheaf4j.data.SyntheticTasks;
import dev.sheaf4j.examples.Paraboloid;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.examples.ResidualRegressionSheaf;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.train.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's DSL examples, kept compiling and checked for what they claim. */
class ReadmeDslExampleTest {
    private static final Path README = Path.of(System.getProperty("sheaf4j.readme", "../README.md"));
    private static final String SKIP_SECTION = "### Skip connections in the DSL";

    /**
     * The declaration in the README's section on skip connections, compiled by the processor as
     * written there: it is the {@code ResidualRegression} example, skips and all.
     */
    @Test
    void readmeSkipDeclarationCompilesToTheResidualExample() throws IOException, ReflectiveOperationException {
        String readme = Files.readString(README);
        int section = readme.indexOf(SKIP_SECTION);
        assertTrue(section >= 0, "README has no section '" + SKIP_SECTION + "'");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String declaration = readme.substring(start, readme.indexOf("```", start));
        String source = "package readme;\n\nimport dev.sheaf4j.Layer;\nimport dev.sheaf4j.SheafModel;\n"
                + "import dev.sheaf4j.annotation.*;\n\n" + declaration;
        Compilation compilation = Compilations.compile("readme.ResidualRegression", source);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        Object architecture = Compilations.classLoader(compilation).loadClass("readme.ResidualRegressionSheaf")
                .getField("ARCHITECTURE").get(null);
        assertEquals(ResidualRegressionSheaf.ARCHITECTURE, architecture);
    }

    @Test
    void readmeDslExampleRuns() {
        Paraboloid net = ParaboloidSheaf.create(42);
        double[] y = net.forward(new double[] {0.5, -0.3});
        DiffusionResult run = net.diffusion(new double[] {0.5, -0.3})
                .pin(net.hidden().pre(0), 0.5)
                .run();
        assertEquals(1, y.length);
        assertTrue(run.converged());
        assertEquals(0.5, run.state().get(net.hidden().pre(0), 0), 0.0);
    }

    @Test
    void readmeTrainingExampleRuns(@TempDir Path dir) throws IOException {
        Split data = SyntheticTasks.generate("paraboloid", 300, 100, 1);
        Path csv = dir.resolve("train.csv");
        StringBuilder text = new StringBuilder("x1,x2,y\n");
        for (int s = 0; s < data.train().size(); s++) {
            double[] x = data.train().input(s);
            text.append(x[0]).append(',').append(x[1]).append(',').append(data.train().target(s)[0]).append('\n');
        }
        Files.writeString(csv, text);

        Paraboloid net = ParaboloidSheaf.create(42);
        Dataset train = Dataset.fromCsv(csv, 2);
        Dataset test = Dataset.of(new double[][] {{0.5, -0.3}, {1.0, 0.2}}, new double[] {0.34, 1.04});
        TrainedModel trained = net.training(train).test(test)
                .epochs(3).stepsPerEpoch(200)
                .listener(report -> report.testLoss() > 0.01)
                .run();
        Paraboloid better = trained.model();
        NetworkFile.save(better.network(), dir.resolve("trained.sheaf"));

        assertEquals(data.train(), train);
        assertTrue(trained.result().finalTrainLoss() < trained.result().trainLoss()[0], trained.toString());
        assertEquals(better.network(), ParaboloidSheaf.load(dir.resolve("trained.sheaf")).network());
    }
}
