package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.examples.Paraboloid;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import org.junit.jupiter.api.Test;

/** The README's DSL example, kept compiling and checked for what it claims. */
class ReadmeDslExampleTest {
    @Test
    void readmeDslExampleRuns() {
        Paraboloid net = ParaboloidSheaf.create(42);
        double[] y = net.forward(new double[] {0.5, -0.3});
        DiffusionResult run = net.diffuse(net.forwardPass(new double[] {0.5, -0.3}),
                Pins.builder().hard(net.hidden().pre(0), 0.5).build(), DiffusionSettings.defaults());
        assertEquals(1, y.length);
        assertTrue(run.converged());
        assertEquals(0.5, run.state().get(net.hidden().pre(0), 0), 0.0);
    }

    @Test
    void readmeTrainingExampleRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Paraboloid net = ParaboloidSheaf.create(42);
        dev.sheaf4j.data.Split data = dev.sheaf4j.data.SyntheticTasks.generate("paraboloid", 300, 100, 1);
        dev.sheaf4j.train.Dataset train = data.train();
        dev.sheaf4j.train.Dataset test = data.test();
        dev.sheaf4j.train.TrainingResult r = new dev.sheaf4j.train.SheafTrainer(net.kernel()).train(net.network(),
                train, test, Pins.none(), dev.sheaf4j.train.TrainingSettings.defaults().withSchedule(3, 200)
                        .withWarmStart(true).withInit(dev.sheaf4j.train.StalkInit.RANDOM, 7),
                report -> report.testLoss() > 0.01);
        dev.sheaf4j.io.NetworkFile.save(r.network(), dir.resolve("trained.sheaf"));
        assertTrue(r.finalTrainLoss() < r.trainLoss()[0]);
        assertEquals(ParaboloidSheaf.ARCHITECTURE, dev.sheaf4j.io.NetworkFile.load(dir.resolve("trained.sheaf"))
                .architecture());
    }
}
