package dev.sheaf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.processor.validate.Validator;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Declarations at the sizes users reach and at the processor's limits compile, and their pins are
 * the declared ones: the generated pin initialiser grows with the annotations, not with the widths.
 */
class LargeDeclarationsTest {
    private static final String HEADER = "package test;\n\nimport dev.sheaf4j.Layer;\nimport dev.sheaf4j.SheafModel;\n"
            + "import dev.sheaf4j.annotation.*;\n\n";

    private static Pins declaredPins(Compilation compilation) throws ReflectiveOperationException {
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> model = Compilations.classLoader(compilation).loadClass("test.NetSheaf");
        return ((SheafModel) model.getMethod("create", long.class).invoke(null, 1L)).declaredPins();
    }

    @Test
    void wideHardAndSoftPinsCompileToEveryDeclaredCoordinate() throws ReflectiveOperationException {
        Pins pins = declaredPins(Compilations.compile("test.Net", HEADER + """
                @SheafNetwork
                public interface Net extends SheafModel {
                    @Input(784) @Pin(value = 0.5) Layer pixels();
                    @Dense(1000) @Pin(value = 0.25) Layer hidden();
                    @Dense(1000) @SoftPin(stalk = Stalk.POST, value = -1.0, strength = 3.0) Layer second();
                    @Output(10) @Pin(neuron = {2, 7}, value = 1.0) @Pin(neuron = 4, value = 0.0) Layer y();
                }
                """));
        assertEquals(784 + 1000 + 1000 + 3, pins.pins().size());
        Pins.Pin last = pins.pins().get(783);
        assertEquals(List.of(new Coordinate(0, Stalk.PRE, 783), 0.5, true),
                List.of(last.coordinate(), last.value(0), last.hard()));
        List<Pins.Pin> soft = pins.pins().stream().filter(p -> !p.hard()).toList();
        assertEquals(1000, soft.size());
        assertEquals(IntStream.range(0, 1000).boxed().toList(),
                soft.stream().map(p -> p.coordinate().neuron()).toList());
        assertEquals(List.of(3.0, -1.0), List.of(soft.get(999).strength(), soft.get(999).value(0)));
        assertEquals(List.of("y2", "y7", "y4"), pins.pins().subList(2784, 2787).stream()
                .map(p -> "y" + p.coordinate().neuron()).toList());
    }

    @Test
    void networksAtTheLimitsCompile() throws ReflectiveOperationException {
        int singles = Validator.MAX_PIN_ANNOTATIONS - 1;
        String listed = IntStream.range(0, Validator.MAX_LISTED_NEURONS - singles).map(i -> 2 * i)
                .mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder soft = new StringBuilder();
        for (int i = 1; i <= singles; i++) {
            soft.append("    @SoftPin(stalk = Stalk.POST, neuron = ").append(2 * i + 1)
                    .append(", value = 0.").append(i).append(", strength = 2.0)\n");
        }
        String source = ProcessorValidationTest.deepNetwork(Validator.MAX_LAYERS - 1).replace("    @Output(1)",
                "    @Dense(8192)\n    @Pin(neuron = {" + listed + "}, value = 0.5)\n" + soft
                        + "    Layer wide();\n    @Output(1)");
        Pins pins = declaredPins(Compilations.compile("test.Net", HEADER + source));
        assertEquals(Validator.MAX_LISTED_NEURONS, pins.pins().size());
    }
}
