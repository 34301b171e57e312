package dev.sheaf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layers' spans against offsets counted by hand. */
class LayerSpanTest {
    @Test
    void spansOfATwoHiddenLayerClassifier() {
        // [3, 4, 2, 2] softmax: stalks x 0-2, z1 3-6, a1 7-10, z2 11-12, a2 13-14, z3 15-16, a_out 17-18;
        // discrepancies start at z1, so each edge's coordinate is its stalk's less the 3 inputs
        Architecture arch = new Architecture(new int[] {3, 4, 2, 2}, new double[] {0.0, 0.1}, OutputActivation.SOFTMAX);
        List<LayerSpan> spans = LayerSpan.of(new SheafLayout(arch));
        assertEquals(List.of(new LayerSpan(1, 4, 3, 0, 12, 0, 3, 7, 0, 4, 0.0),
                new LayerSpan(2, 2, 4, 16, 24, 7, 11, 13, 8, 10, 0.1),
                new LayerSpan(3, 2, 2, 26, 30, 13, 15, -1, 12, -1, 0.0)), spans);
        assertTrue(spans.get(1).hidden());
        assertFalse(spans.get(2).hidden());
        assertEquals(10, spans.get(1).size());
    }
}
