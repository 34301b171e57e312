package dev.sheaf4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.diagnose.ConvergenceCheck;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On the fixtures' networks, the measured decay rate of a diffusion is the spectral gap's rate. */
class FixtureConvergenceTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inference-2-4-1.json", "inference-2-6-4-4-1.json"})
    void fittedDecayRateIsWithinTenPercentOfTwoAlphaLambdaMin(String name) throws Exception {
        JsonObject root = JsonParser.parseString(Files.readString(
                ConformanceFixturesTest.fixtures().resolve(name))).getAsJsonObject();
        Sheaf sheaf = Sheaf.of(FixtureReader.network(root.getAsJsonObject("network")));
        JsonObject diffusion = root.getAsJsonObject("diffusion");
        double[] input = FixtureReader.doubles(FixtureReader.array(root, "input"));
        SheafState start = FixtureReader.state(sheaf.layout(), input, diffusion.getAsJsonObject("initialState"));
        double alpha = diffusion.get("alpha").getAsDouble();
        double dt = diffusion.get("dt").getAsDouble();
        DiffusionResult run = sheaf.diffuse(start, Pins.none(), DiffusionSettings.defaults().withAlpha(alpha)
                .withDt(dt).withTolerance(diffusion.get("tolerance").getAsDouble()).withEnergyTrace(true));
        ConvergenceCheck check = ConvergenceCheck.of(sheaf.network(), run, alpha, dt);
        assertEquals(check.predictedFinal(), check.fittedRate(), 0.1 * check.predictedFinal(), check.toString());
    }
}
