package dev.sheaf4j.processor.validate;

import static dev.sheaf4j.processor.validate.Declaration.annotation;
import static dev.sheaf4j.processor.validate.Declaration.pin;
import static dev.sheaf4j.processor.validate.Declaration.softPin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.processor.model.InheritedMethod;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.Located;
import dev.sheaf4j.processor.model.NetworkSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of the DSL on the plain model, without javac: each message, where it lands, and the spec. */
class ValidatorTest {
    /** The messages only the javac front end gives: they need javac's rounds, trees or a failure. */
    private static final Set<Message> FRONT_END = EnumSet.of(Message.LOCAL_NETWORK, Message.UNRESOLVED,
            Message.PROCESSOR_FAILURE);

    /**
     * Knows {@code test.Taken}, {@code dev.sheaf4j.Layer} and {@code java.lang.Math}, and accepts names made of
     * letters, digits and underscores.
     */
    private static final Environment ENVIRONMENT = new Environment() {
        @Override
        public boolean nameTaken(String qualifiedName) {
            return Set.of("test.Taken", "dev.sheaf4j.Layer", "java.lang.Math").contains(qualifiedName);
        }

        @Override
        public boolean isValidClassName(String name) {
            return name.matches("[A-Za-z_][A-Za-z0-9_]*");
        }
    };

    /** A declaration that breaks one rule and the mark of where its message must land. */
    record Case(Message message, Supplier<Declaration> declaration, String at) {
        @Override
        public String toString() {
            return message.tag();
        }
    }

    private static Declaration tiny() {
        return Declaration.withWidths(2, 4, 1);
    }

    private static Declaration tiny(java.util.function.Consumer<Declaration> change) {
        Declaration d = tiny();
        change.accept(d);
        return d;
    }

    static List<Case> cases() {
        return List.of(
                new Case(Message.NOT_SHEAF_MODEL, () -> tiny(d -> d.extendsSheafModel = false), "type"),
                new Case(Message.NOT_ABSTRACT, () -> tiny(d -> d.kind = dev.sheaf4j.processor.model.DeclarationKind
                        .CONCRETE_CLASS), "type"),
                new Case(Message.PRIVATE_TYPE, () -> tiny(d -> d.visibility = dev.sheaf4j.processor.model.Visibility
                        .PRIVATE), "type"),
                new Case(Message.GENERIC_TYPE, () -> tiny(d -> d.generic = true), "type"),
                new Case(Message.INNER_CLASS, () -> tiny(d -> {
                    d.kind = dev.sheaf4j.processor.model.DeclarationKind.ABSTRACT_CLASS;
                    d.nested = true;
                    d.staticContext = false;
                }), "type"),
                new Case(Message.NO_CONSTRUCTOR, () -> tiny(d -> {
                    d.kind = dev.sheaf4j.processor.model.DeclarationKind.ABSTRACT_CLASS;
                    d.usableConstructor = false;
                }), "type"),
                new Case(Message.INVALID_NAME, () -> tiny(d -> d.requestedName = "not a name"), "@SheafNetwork.name"),
                new Case(Message.NAME_CLASH, () -> tiny(d -> d.requestedName = "Taken"), "@SheafNetwork.name"),
                new Case(Message.NAME_CLASH, () -> tiny(d -> d.requestedName = "Net"), "@SheafNetwork.name"),
                new Case(Message.HIDING_NAME, () -> tiny(d -> d.requestedName = "Layer"), "@SheafNetwork.name"),
                new Case(Message.HIDING_NAME, () -> tiny(d -> d.requestedName = "Math"), "@SheafNetwork.name"),
                new Case(Message.PRIVATE_ENCLOSING_TYPE, () -> tiny(d -> {
                    d.names = List.of("Outer", "Hidden", "Net");
                    d.nested = true;
                    d.privateEnclosing = "Hidden";
                }), "type"),
                new Case(Message.SEALED_TYPE, () -> tiny(d -> d.sealed = true), "type"),
                new Case(Message.CONSTRUCTOR_THROWS, () -> tiny(d -> {
                    d.kind = dev.sheaf4j.processor.model.DeclarationKind.ABSTRACT_CLASS;
                    d.constructorExceptions.add(new Located<>("java.io.IOException", new Declaration.Mark("Net()")));
                }), "Net()"),
                new Case(Message.FINAL_METHOD, () -> tiny(d -> d.finalOverrides.add(
                        new Located<>("network", new Declaration.Mark("network()")))), "network()"),
                new Case(Message.INHERITED_ABSTRACT, () -> tiny(d -> d.inherited.add(
                        new InheritedMethod("run", "java.lang.Runnable", false))), "type"),
                new Case(Message.INHERITED_LAYER, () -> {
                    Declaration d = new Declaration();
                    d.inherited.add(new InheritedMethod("x", "test.Layers", true));
                    return d;
                }, "type"),
                new Case(Message.NO_INPUT, () -> new Declaration().layer("y", LayerKind.OUTPUT, 1), "type"),
                new Case(Message.SEVERAL_INPUTS, () -> tiny().layer("x2", LayerKind.INPUT, 2), "x2()@Input"),
                new Case(Message.INPUT_NOT_FIRST, () -> new Declaration().layer("h", LayerKind.DENSE, 3)
                        .layer("x", LayerKind.INPUT, 2).layer("y", LayerKind.OUTPUT, 1), "x()@Input"),
                new Case(Message.NO_OUTPUT, () -> new Declaration().layer("x", LayerKind.INPUT, 2), "type"),
                new Case(Message.SEVERAL_OUTPUTS, () -> tiny().layer("y2", LayerKind.OUTPUT, 1), "y2()@Output"),
                new Case(Message.OUTPUT_NOT_LAST, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .layer("y", LayerKind.OUTPUT, 1).layer("h", LayerKind.DENSE, 3), "y()@Output"),
                new Case(Message.TOO_DEEP, () -> Declaration.withWidths(IntStream.range(0, Validator.MAX_LAYERS + 1)
                        .map(l -> 2).toArray()), "type"),
                new Case(Message.TOO_LARGE, () -> Declaration.withWidths(65536, 65536, 65536), "type"),
                new Case(Message.TOO_MANY_PINS, () -> new Declaration().layer("x", LayerKind.INPUT, 4096,
                        pin("x", 0.5, IntStream.rangeClosed(0, Validator.MAX_LISTED_NEURONS).toArray()))
                        .layer("y", LayerKind.OUTPUT, 1), "type"),
                new Case(Message.WIDTH_OUT_OF_RANGE, () -> Declaration.withWidths(2, 0, 1), "h1()@Dense.value"),
                new Case(Message.LAYER_PARAMETERS, () -> tiny().method("extra", 1, true, true,
                        List.of(annotation("extra", LayerKind.DENSE, 2))), "extra()"),
                new Case(Message.LAYER_RETURN_TYPE, () -> tiny().method("extra", 0, false, true,
                        List.of(annotation("extra", LayerKind.DENSE, 2))), "extra()"),
                new Case(Message.LAYER_NOT_ABSTRACT, () -> tiny().method("extra", 0, true, false,
                        List.of(annotation("extra", LayerKind.DENSE, 2))), "extra()"),
                new Case(Message.STATIC_LAYER, () -> tiny().method("extra", LayerKind.DENSE, 2, true), "extra()"),
                new Case(Message.RESERVED_LAYER_NAME, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .layer("network", LayerKind.OUTPUT, 1), "network()"),
                new Case(Message.TWO_LAYER_ANNOTATIONS, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .method("y", 0, true, true, List.of(annotation("y", LayerKind.DENSE, 2),
                                annotation("y", LayerKind.OUTPUT, 1))), "y()@Output"),
                new Case(Message.NOT_A_LAYER, () -> tiny().method("extra", 0, true, true, List.of()), "extra()"),
                new Case(Message.PIN_WITHOUT_LAYER, () -> tiny().method("extra", 0, true, false, List.of(),
                        pin("extra", 0.5)), "extra()@Pin"),
                new Case(Message.PIN_OUT_OF_RANGE, () -> Declaration.withWidths(2, 4).layer("z", LayerKind.OUTPUT, 1,
                        pin("z", 0.5, 1)), "z()@Pin"),
                new Case(Message.POST_ON_INPUT, () -> new Declaration().layer("x", LayerKind.INPUT, 2,
                        softPin("x", 0.5, 1.0)).layer("y", LayerKind.OUTPUT, 1), "x()@SoftPin"),
                new Case(Message.POST_ON_IDENTITY_OUTPUT, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .layer("y", LayerKind.OUTPUT, 1, softPin("y", 0.5, 1.0)), "y()@SoftPin"),
                new Case(Message.SOFT_PIN_STRENGTH, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .layer("h", LayerKind.DENSE, 2, softPin("h", 0.5, 0.0)).layer("y", LayerKind.OUTPUT, 1),
                        "h()@SoftPin"),
                new Case(Message.PIN_VALUE_NOT_FINITE, () -> new Declaration().layer("x", LayerKind.INPUT, 2,
                        pin("x", Double.NaN)).layer("y", LayerKind.OUTPUT, 1), "x()@Pin"),
                new Case(Message.DUPLICATE_PIN, () -> new Declaration().layer("x", LayerKind.INPUT, 2,
                        pin("x", 0.5), pin("x", 1.0, 1)).layer("y", LayerKind.OUTPUT, 1), "x()@Pin"),
                new Case(Message.SOFTMAX_SINGLE_OUTPUT, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .method("y", 0, true, true, List.of(annotation("y", LayerKind.OUTPUT, 1,
                                Activation.RELU, 0.0, OutputActivation.SOFTMAX))), "y()@Output.activation"),
                new Case(Message.LEAKY_SLOPE, () -> new Declaration().layer("x", LayerKind.INPUT, 2)
                        .method("h", 0, true, true, List.of(annotation("h", LayerKind.DENSE, 3,
                                Activation.LEAKY_RELU, 1.5, OutputActivation.IDENTITY)))
                        .layer("y", LayerKind.OUTPUT, 1), "h()@Dense.slope"),
                new Case(Message.TOO_LARGE, () -> Declaration.withWidths(65536, 1, 16384).skip("y", "x", true),
                        "type"),
                new Case(Message.SKIP_WITHOUT_LAYER, () -> tiny().method("extra", 0, true, false, List.of())
                        .skip("extra", "x", false), "extra()@Skip"),
                new Case(Message.SKIP_INTO_INPUT, () -> deep().skip("x", "h1", false), "x()@Skip"),
                new Case(Message.UNKNOWN_SKIP_SOURCE, () -> deep().skip("h2", "h0", false), "h2()@Skip.from"),
                new Case(Message.SKIP_FROM_OUTPUT, () -> deep().skip("h2", "y", true), "h2()@Skip.from"),
                new Case(Message.SKIP_NOT_EARLIER, () -> deep().skip("h1", "h2", false), "h1()@Skip.from"),
                new Case(Message.SKIP_NOT_EARLIER, () -> deep().skip("h1", "h1", false), "h1()@Skip.from"),
                new Case(Message.SKIP_WIDTHS, () -> deep().skip("y", "h1", false), "y()@Skip.from"),
                new Case(Message.DUPLICATE_SKIP, () -> deep().skip("h2", "h1", false).skip("h2", "h1", true),
                        "h2()@Skip.from"));
    }

    /** {@code [2, 4, 4, 1]}: input {@code x}, hidden {@code h1} and {@code h2}, output {@code y}. */
    private static Declaration deep() {
        return Declaration.withWidths(2, 4, 4, 1);
    }

    private static Report validate(Declaration d) {
        return new Validator(ENVIRONMENT).validate(d.build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleReportsItsMessageWhereTheProblemIs(Case c) {
        Report report = validate(c.declaration().get());
        assertTrue(report.spec().isEmpty());
        List<String> found = report.errors().stream().filter(e -> e.message() == c.message())
                .map(e -> ((Declaration.Mark) e.origin()).label()).toList();
        assertEquals(List.of(c.at()), found, "all errors: " + report.errors());
        assertTrue(report.errors().get(0).text().startsWith("[sheaf4j:"), report.errors().get(0).text());
    }

    static Stream<String> zeroArgumentMethodsOfAModel() {
        return Stream.of(dev.sheaf4j.SheafModel.class.getMethods(), Object.class.getDeclaredMethods())
                .flatMap(java.util.Arrays::stream).filter(m -> m.getParameterCount() == 0)
                .map(java.lang.reflect.Method::getName).distinct();
    }

    @ParameterizedTest(name = "{0}()")
    @MethodSource("zeroArgumentMethodsOfAModel")
    void aLayerNamedLikeAnyMethodOfTheModelIsReserved(String name) {
        Report report = validate(Declaration.withWidths(2, 4).layer(name, LayerKind.OUTPUT, 1));
        assertTrue(report.errors().stream().anyMatch(e -> e.message() == Message.RESERVED_LAYER_NAME),
                name + "(): " + report.errors());
    }

    @Test
    void everyMessageOfTheValidatorHasACase() {
        Set<Message> covered = cases().stream().map(Case::message).collect(Collectors.toSet());
        for (Message message : Message.values()) {
            assertTrue(covered.contains(message) || FRONT_END.contains(message), "no case for " + message.tag());
        }
    }

    @Test
    void layersDeclaredOnlyInASuperTypeAreNotReportedAsMissing() {
        Declaration d = new Declaration();
        d.inherited.addAll(List.of(new InheritedMethod("x", "test.Layers", true),
                new InheritedMethod("y", "test.Layers", true)));
        List<Message> messages = validate(d).errors().stream().map(Diagnostic::message).toList();
        assertEquals(List.of(Message.INHERITED_LAYER, Message.INHERITED_LAYER), messages);
    }

    @Test
    void aCleanDeclarationBecomesItsSpecWithOnePinPerAnnotation() {
        Declaration d = new Declaration().layer("x", LayerKind.INPUT, 784, pin("x", 0.5))
                .layer("h", LayerKind.DENSE, 1000, softPin("h", -1.0, 3.0, 4, 9)).layer("y", LayerKind.OUTPUT, 10);
        Report report = validate(d);
        assertEquals(List.of(), report.errors());
        NetworkSpec spec = report.spec().orElseThrow();
        assertEquals(Architecture.relu(784, 1000, 10).toString(), spec.architecture().toString());
        assertEquals(List.of("x", "h", "y"), spec.layerMethods());
        assertEquals("NetSheaf", spec.generatedName());
        NetworkSpec.PinSpec whole = spec.pins().get(0);
        assertTrue(whole.hard() && whole.wholeLayer() && whole.layer() == 0 && whole.stalk() == Stalk.PRE);
        NetworkSpec.PinSpec listed = spec.pins().get(1);
        assertArrayEquals(new int[] {4, 9}, listed.neurons());
        assertEquals(Map.of("layer", 1.0, "value", -1.0, "strength", 3.0),
                Map.of("layer", (double) listed.layer(), "value", listed.value(), "strength", listed.strength()));
        assertEquals(2, spec.pins().size());
    }

    @Test
    void theSkipsOfACleanDeclarationAreItsArchitecturesNumberedByLayer() {
        Declaration d = deep().skip("h2", "h1", false).skip("y", "x", true).skip("y", "h1", true);
        Report report = validate(d);
        assertEquals(List.of(), report.errors());
        assertEquals(List.of(Skip.identity(1, 2), Skip.projection(0, 3), Skip.projection(1, 3)),
                report.spec().orElseThrow().architecture().skips());
    }

    @Test
    void aSkipFromAnUnknownLayerListsTheLayersItMayName() {
        String text = validate(deep().skip("h2", "hidden", false)).errors().get(0).text();
        assertEquals("[sheaf4j:UnknownSkipSource] @Skip(from = \"hidden\") on 'h2()' names no layer method of network "
                + "'Net'; name the input or an earlier @Dense layer: 'x', 'h1'", text);
    }

    @Test
    void anIdentitySkipBetweenWidthsThatDifferSuggestsAProjection() {
        String text = validate(deep().skip("y", "h1", false)).errors().get(0).text();
        assertEquals("[sheaf4j:SkipWidths] identity @Skip(from = \"h1\") on 'y()' adds 4 neurons to 1; an identity "
                + "skip needs equal widths: write @Skip(from = \"h1\", projection = true) for a learned projection",
                text);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Declaration d = Declaration.withWidths(2, 0, 1);
        d.generic = true;
        d.sealed = true;
        List<Message> messages = validate(d).errors().stream().map(Diagnostic::message).toList();
        assertEquals(Stream.of(Message.GENERIC_TYPE, Message.SEALED_TYPE, Message.WIDTH_OUT_OF_RANGE).toList(),
                messages);
    }
}
