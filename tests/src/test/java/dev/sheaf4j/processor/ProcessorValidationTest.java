package dev.sheaf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.sheaf4j.processor.validate.Message;
import dev.sheaf4j.processor.validate.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every validation rule of the DSL: a declaration that breaks it fails to compile with the rule's
 * tag, in the declaring file, on the line marked {@code // error here}.
 */
class ProcessorValidationTest {
    private static final String HEADER = "package test;\n\nimport dev.sheaf4j.Layer;\nimport dev.sheaf4j.SheafModel;\n"
            + "import dev.sheaf4j.annotation.*;\n\n";

    /** A rule: its tag and a declaration of {@code test.Net} that breaks it. */
    record Case(String tag, String body) {
        @Override
        public String toString() {
            return tag;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("NoInput", """
                        @SheafNetwork
                        public interface Net extends SheafModel { // error here
                            @Dense(4) Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("SeveralInputs", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Input(2) // error here
                            Layer x2();
                            @Output(1) Layer y();
                        }"""),
                new Case("InputNotFirst", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Dense(4) Layer hidden();
                            @Input(2) // error here
                            Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("NoOutput", """
                        @SheafNetwork
                        public interface Net extends SheafModel { // error here
                            @Input(2) Layer x();
                            @Dense(4) Layer hidden();
                        }"""),
                new Case("SeveralOutputs", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                            @Output(1) // error here
                            Layer y2();
                        }"""),
                new Case("OutputNotLast", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) // error here
                            Layer y();
                            @Dense(4) Layer hidden();
                        }"""),
                new Case("WidthOutOfRange", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(0) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("WidthOutOfRange", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(70000) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("LayerParameters", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            Layer hidden(int width); // error here
                            @Output(1) Layer y();
                        }"""),
                new Case("LayerReturnType", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            Object hidden(); // error here
                            @Output(1) Layer y();
                        }"""),
                new Case("TwoLayerAnnotations", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @Output(1) // error here
                            Layer y();
                        }"""),
                new Case("PinOutOfRange", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @Pin(neuron = {1, 4}, value = 0.5) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("PostOnIdentityOutput", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4) Layer hidden();
                            @Output(1)
                            @Pin(stalk = Stalk.POST, value = 0.5) // error here
                            Layer y();
                        }"""),
                new Case("PostOnInput", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2)
                            @Pin(stalk = Stalk.POST, neuron = 0, value = 0.5) // error here
                            Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("SoftPinStrength", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @SoftPin(value = 0.5, strength = 0.0) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("SoftPinStrength", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @SoftPin(value = 0.5, strength = Double.POSITIVE_INFINITY) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("PinValueNotFinite", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @Pin(neuron = 2, value = Double.NaN) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("DuplicatePin", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @Pin(neuron = {0, 1}, value = 0.5)
                            @SoftPin(neuron = 1, value = 0.0, strength = 2.0) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("SoftmaxSingleOutput", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(value = 1, activation = OutputActivation.SOFTMAX) // error here
                            Layer y();
                        }"""),
                new Case("LeakySlope", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(value = 4, activation = Activation.LEAKY_RELU, slope = 1.5) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("NotSheafModel", """
                        @SheafNetwork
                        public interface Net { // error here
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("PrivateType", """
                        public class Net {
                            @SheafNetwork
                            private interface Inner extends SheafModel { // error here
                                @Input(2) Layer x();
                                @Output(1) Layer y();
                            }
                        }"""),
                new Case("GenericType", """
                        @SheafNetwork
                        public interface Net<T> extends SheafModel { // error here
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("NotAbstract", """
                        @SheafNetwork
                        public class Net implements SheafModel { // error here
                            public dev.sheaf4j.network.Network network() { return null; }
                            public dev.sheaf4j.kernel.SheafKernel kernel() { return null; }
                        }"""),
                new Case("NameClash", """
                        @SheafNetwork // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }
                        class NetSheaf {
                        }"""),
                new Case("InvalidName", """
                        @SheafNetwork(name = "not a name") // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("InnerClass", """
                        public class Net {
                            @SheafNetwork
                            abstract class Inner implements SheafModel { // error here
                                @Input(2) abstract Layer x();
                                @Output(1) abstract Layer y();
                            }
                        }"""),
                new Case("NoConstructor", """
                        @SheafNetwork
                        public abstract class Net implements SheafModel { // error here
                            protected Net(int size) {
                            }
                            @Input(2) public abstract Layer x();
                            @Output(1) public abstract Layer y();
                        }"""),
                new Case("LayerNotAbstract", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1)
                            default Layer y() { return null; } // error here
                        }"""),
                new Case("PinWithoutLayer", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Pin(value = 0.5) // error here
                            default Layer extra() { return null; }
                            @Output(1) Layer y();
                        }"""),
                new Case("StaticLayer", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            static Layer hidden() { return null; } // error here
                            @Output(1) Layer y();
                        }"""),
                new Case("InheritedAbstract", """
                        @SheafNetwork
                        public interface Net extends SheafModel, Runnable { // error here
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("InheritedAbstract", """
                        abstract class Base implements SheafModel {
                            abstract int size();
                        }
                        @SheafNetwork
                        abstract class Net extends Base { // error here
                            @Input(2) abstract Layer x();
                            @Output(1) abstract Layer y();
                        }"""),
                new Case("InheritedLayer", """
                        interface Layers extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }
                        @SheafNetwork
                        public interface Net extends Layers { // error here
                        }"""),
                new Case("InvalidName", """
                        @SheafNetwork(name = "var") // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("InvalidName", """
                        @SheafNetwork(name = "record") // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("NameClash", """
                        @SheafNetwork(name = "Net") // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("HidingName", """
                        @SheafNetwork(name = "Layer") // error here
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }"""),
                new Case("PrivateEnclosingType", """
                        public class Net {
                            private static class Hidden {
                                @SheafNetwork
                                interface Inner extends SheafModel { // error here
                                    @Input(2) Layer x();
                                    @Output(1) Layer y();
                                }
                            }
                        }"""),
                new Case("ConstructorThrows", """
                        @SheafNetwork
                        public abstract class Net implements SheafModel {
                            protected Net() throws java.io.IOException { // error here
                            }
                            @Input(2) public abstract Layer x();
                            @Output(1) public abstract Layer y();
                        }"""),
                new Case("FinalMethod", """
                        @SheafNetwork
                        public abstract class Net implements SheafModel {
                            @Input(2) public abstract Layer x();
                            @Output(1) public abstract Layer y();
                            @Override
                            public final dev.sheaf4j.sheaf.Pins declaredPins() { // error here
                                return dev.sheaf4j.sheaf.Pins.none();
                            }
                        }"""),
                new Case("SealedType", """
                        @SheafNetwork
                        public sealed interface Net extends SheafModel permits Other { // error here
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                        }
                        non-sealed interface Other extends Net {
                        }"""),
                new Case("ReservedLayerName", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1)
                            Layer network(); // error here
                        }"""),
                new Case("TooDeep", deepNetwork(Validator.MAX_LAYERS + 1)),
                new Case("TooLarge", """
                        @SheafNetwork
                        public interface Net extends SheafModel { // error here
                            @Input(65536) Layer x();
                            @Dense(65536) Layer h1();
                            @Output(65536) Layer y();
                        }"""),
                new Case("TooManyPins", """
                        @SheafNetwork
                        public interface Net extends SheafModel { // error here
                            @Input(2) Layer x();
                            @Dense(4096)
                            @Pin(neuron = {%s}, value = 0.5)
                            Layer hidden();
                            @Output(1) Layer y();
                        }""".formatted(IntStream.range(0, Validator.MAX_LISTED_NEURONS + 1)
                        .mapToObj(Integer::toString).collect(Collectors.joining(", ")))),
                new Case("LocalNetwork", """
                        public class Net {
                            void run() {
                                @SheafNetwork
                                interface Local extends SheafModel { // error here
                                    @Input(2) Layer x();
                                    @Output(1) Layer y();
                                }
                            }
                        }"""),
                new Case("NotALayer", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            Layer extra(); // error here
                            @Output(1) Layer y();
                        }"""),
                new Case("SkipWithoutLayer", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                            @Skip(from = "x") // error here
                            default Layer extra() {
                                return x();
                            }
                        }"""),
                new Case("StaticLayer", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Output(1) Layer y();
                            @Skip(from = "x")
                            static Layer extra() { // error here
                                return null;
                            }
                        }"""),
                new Case("SkipIntoInput", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2)
                            @Skip(from = "hidden") // error here
                            Layer x();
                            @Dense(2) Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("UnknownSkipSource", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(2)
                            @Skip(from = "hiden") // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("SkipFromOutput", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(value = 2)
                            @Skip(from = "y", projection = true) // error here
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""),
                new Case("SkipNotEarlier", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(2)
                            @Skip(from = "second") // error here
                            Layer first();
                            @Dense(2) Layer second();
                            @Output(1) Layer y();
                        }"""),
                new Case("SkipNotEarlier", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(2)
                            @Skip(from = "first") // error here
                            Layer first();
                            @Output(1) Layer y();
                        }"""),
                new Case("SkipWidths", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4) Layer hidden();
                            @Output(1)
                            @Skip(from = "hidden") // error here
                            Layer y();
                        }"""),
                new Case("DuplicateSkip", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(2) Layer hidden();
                            @Output(1)
                            @Skip(from = "x", projection = true)
                            @Skip(from = "x", projection = true) // error here
                            Layer y();
                        }"""));
    }

    /** A network of {@code layers} layers of width 2 whose type is the marked line. */
    static String deepNetwork(int layers) {
        StringBuilder body = new StringBuilder("@SheafNetwork\n")
                .append("public interface Net extends SheafModel { // error here\n    @Input(2) Layer x();\n");
        for (int l = 1; l < layers - 1; l++) {
            body.append("    @Dense(2) Layer h").append(l).append("();\n");
        }
        return body.append("    @Output(1) Layer y();\n}").toString();
    }

    @Test
    void everyTagHasACase() {
        Set<String> tags = cases().stream().map(Case::tag).collect(Collectors.toSet());
        tags.addAll(ProcessorRoundsTest.TAGS);
        for (Message message : Message.values()) {
            assertTrue(tags.contains(message.tag()), "no case produces [sheaf4j:" + message.tag() + "]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleIsReportedWithItsTagInTheFileOnTheMarkedLine(Case c) {
        String source = HEADER + c.body() + "\n";
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", source);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[sheaf4j:" + c.tag() + "]").inFile(file).onLine(markedLine(source));
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            assertTrue(d.getMessage(null).startsWith("[sheaf4j:"), "only sheaf4j errors expected: " + d);
        }
    }

    private static int markedLine(String source) {
        return markedLine(source, "// error here");
    }

    private static int markedLine(String source, String mark) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(mark)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no marked line");
    }

    @Test
    void messagesQuoteTheUsersNamesAndSayHowToFix() {
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", HEADER + """
                @SheafNetwork
                public interface Net extends SheafModel {
                    @Input(2) Layer x();
                    @Dense(4)
                    @Pin(neuron = 7, value = 0.5)
                    Layer hiddenLayer();
                    @Output(1) Layer y();
                }
                """);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(file);
        assertThat(compilation).hadErrorContaining("[sheaf4j:PinOutOfRange] @Pin on 'hiddenLayer()' names neuron 7, "
                + "but the layer has 4 neurons (0 to 3); use an index in range");
    }

    /**
     * Repeated annotations, which javac folds into a container: an error on one of them still lands
     * on its literal, the one that follows {@code // caret:} on the marked line.
     */
    static List<Case> repeatedAnnotations() {
        return List.of(
                new Case("UnknownSkipSource", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(2) Layer hidden();
                            @Output(2)
                            @Skip(from = "x")
                            @Skip(from = "hidden", projection = true) @Skip(from = "nowhere") // caret: "nowhere"
                            Layer y();
                        }"""),
                new Case("PinOutOfRange", """
                        @SheafNetwork
                        public interface Net extends SheafModel {
                            @Input(2) Layer x();
                            @Dense(4)
                            @Pin(neuron = 0, value = 0.5) @Pin(stalk = Stalk.POST, neuron = {1, 7}, value = 1) // caret: {1, 7}
                            Layer hidden();
                            @Output(1) Layer y();
                        }"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatedAnnotations")
    void anErrorOnARepeatedAnnotationPointsAtItsLiteral(Case c) {
        String source = HEADER + c.body() + "\n";
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", source);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(file);
        String line = source.split("\n", -1)[markedLine(source, "// caret: ") - 1];
        String literal = line.substring(line.indexOf("// caret: ") + "// caret: ".length());
        assertThat(compilation).hadErrorContaining("[sheaf4j:" + c.tag() + "]").inFile(file)
                .onLine(markedLine(source, "// caret: ")).atColumn(line.indexOf(literal) + 1);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void oneBadNetworkDoesNotStopTheOthers() {
        JavaFileObject bad = JavaFileObjects.forSourceString("test.Bad", HEADER + """
                @SheafNetwork
                public interface Bad extends SheafModel {
                    @Dense(4) Layer hidden();
                    @Output(1) Layer y();
                }
                """);
        JavaFileObject good = JavaFileObjects.forSourceString("test.Good", HEADER + """
                @SheafNetwork
                public interface Good extends SheafModel {
                    @Input(2) Layer x();
                    @Output(1) Layer y();
                }
                """);
        JavaFileObject user = JavaFileObjects.forSourceString("test.User", """
                package test;

                class User {
                    Good good = GoodSheaf.create(1);
                }
                """);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(bad, good, user);
        assertThat(compilation).hadErrorContaining("[sheaf4j:NoInput]").inFile(bad);
        assertEquals(1, compilation.errors().size(), "GoodSheaf must still be generated: " + compilation.errors());
    }

    @Test
    void twoNetworksAskingForOneNameClash() {
        JavaFileObject first = JavaFileObjects.forSourceString("test.First", HEADER + """
                @SheafNetwork(name = "Shared")
                public interface First extends SheafModel {
                    @Input(2) Layer x();
                    @Output(1) Layer y();
                }
                """);
        JavaFileObject second = JavaFileObjects.forSourceString("test.Second", HEADER + """
                @SheafNetwork(name = "Shared")
                public interface Second extends SheafModel {
                    @Input(2) Layer x();
                    @Output(1) Layer y();
                }
                """);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(first, second);
        assertThat(compilation).hadErrorContaining("[sheaf4j:NameClash] cannot generate 'Shared' for network 'Second'")
                .inFile(second).onLine(7);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void anInterfaceMayRedeclareToStringAndHashCodeForItsDocumentation() {
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", HEADER + """
                @SheafNetwork
                public interface Net extends SheafModel {
                    @Input(2) Layer x();
                    @Output(1) Layer y();

                    /** Names the architecture. */
                    @Override
                    String toString();

                    @Override
                    int hashCode();
                }
                """);
        assertThat(Compiler.javac().withProcessors(new SheafProcessor()).compile(file)).succeeded();
    }
}
