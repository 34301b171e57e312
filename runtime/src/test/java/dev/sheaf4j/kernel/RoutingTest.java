package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sheaf4j.kernel.Routing.LayerCode;
import dev.sheaf4j.kernel.Routing.PassRoute;
import dev.sheaf4j.kernel.Routing.StepRoute;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import org.junit.jupiter.api.Test;

/** The routing table at both sides of each of its boundaries. */
class RoutingTest {
    @Test
    void stepsTakeTheRowsFromTheRowBatchOn() {
        assertEquals(StepRoute.FLAT, Routing.step(1));
        assertEquals(StepRoute.FLAT, Routing.step(Routing.TILE_BATCH - 1));
        assertEquals(StepRoute.TILES, Routing.step(Routing.TILE_BATCH));
        assertEquals(StepRoute.TILES, Routing.step(1000));
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
