package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.kernel.Routing.LayerCode;
import dev.sheaf4j.kernel.Routing.PassRoute;
import dev.sheaf4j.kernel.Routing.StepRoute;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.SheafLayout;
import org.junit.jupiter.api.Test;

/** The routing table at both sides of each of its boundaries. */
class RoutingTest {
    @Test
    void stepsTakeTheRowsFromTheRowBatchOn() {
        Architecture plain = Architecture.relu(2, 30, 1);
        assertEquals(StepRoute.FLAT, Routing.step(plain, 1));
        assertEquals(StepRoute.FLAT, Routing.step(plain, Routing.TILE_BATCH - 1));
        assertEquals(StepRoute.TILES, Routing.step(plain, Routing.TILE_BATCH));
        assertEquals(StepRoute.TILES, Routing.step(plain, 1000));
    }

    @Test
    void residualNetworksStepOnTheFlatArraysAtEveryBatch() {
        Architecture residual = Architecture.relu(2, 8, 8, 8, 1).withSkips(java.util.List.of(Skip.identity(1, 3)));
        assertEquals(StepRoute.FLAT, Routing.step(residual, 1));
        assertEquals(StepRoute.FLAT, Routing.step(residual, Routing.TILE_BATCH));
        assertEquals(StepRoute.FLAT, Routing.step(residual, 1000));
    }

    @Test
    void passesRunOneSampleBySampleThenLooped() {
        assertEquals(PassRoute.ONE_SAMPLE, Routing.pass(1));
        assertEquals(PassRoute.BY_SAMPLE, Routing.pass(2));
        assertEquals(PassRoute.BY_SAMPLE, Routing.pass(Routing.LOOP_BATCH - 1));
        assertEquals(PassRoute.LOOPED, Routing.pass(Routing.LOOP_BATCH));
    }

    @Test
    void layersAreCodedBySize() {
        // [2, 10, 3, 40, 1]: sizes 30, 33, 160 and 41 weights and biases
        var spans = LayerSpan.of(new SheafLayout(Architecture.relu(2, 10, 3, 40, 1)));
        assertEquals(LayerCode.UNROLLED_BY_SAMPLE, Routing.layerCode(spans.get(0)));
        assertEquals(LayerCode.UNROLLED, Routing.layerCode(spans.get(1)));
        assertEquals(LayerCode.LOOPED, Routing.layerCode(spans.get(2)));
        assertEquals(LayerCode.UNROLLED, Routing.layerCode(spans.get(3)));
    }
}
