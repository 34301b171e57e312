package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.kernel.LayerSpan;
import dev.sheaf4j.kernel.Routing;
import dev.sheaf4j.kernel.Routing.LayerCode;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.SheafLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of generated code and of the processor itself: no generated method reaches HotSpot's
 * 8,000-byte limit, small layers really are unrolled, the processor's core does not touch
 * {@code javax.lang.model}, and the service and Gradle metadata are in place.
 */
class GeneratedCodeShapeTest {
    /** HotSpot does not compile methods with more bytecode than this ({@code -XX:HugeMethodLimit}). */
    private static final int HUGE_METHOD_LIMIT = 8000;

    private static byte[] classBytes(String binaryName) {
        try (InputStream in = GeneratedCodeShapeTest.class.getResourceAsStream("/" + binaryName.replace('.', '/')
                + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSmallMethods(String name, byte[] bytes, Map<String, Integer> largest) {
        for (Map.Entry<String, Integer> m : ClassFiles.parse(bytes).codeLengths().entrySet()) {
            assertTrue(m.getValue() < HUGE_METHOD_LIMIT, name + "." + m.getKey() + " has " + m.getValue()
                    + " bytes of bytecode");
            largest.merge(name, m.getValue(), Math::max);
        }
    }

    @Test
    void noGeneratedMethodOfAnExampleNetworkReachesTheHugeMethodLimit() {
        Map<String, Integer> largest = new LinkedHashMap<>();
        for (SheafModel model : GeneratedKernelDifferentialTest.examples()) {
            String modelClass = model.getClass().getName();
            assertSmallMethods(modelClass, classBytes(modelClass), largest);
            assertSmallMethods(modelClass + "Kernel", classBytes(modelClass + "Kernel"), largest);
        }
        assertTrue(largest.containsKey("dev.sheaf4j.examples.WideMnistSheafKernel"), "the 784-128-10 network is checked");
    }

    @Test
    void layersAtTheUnrollLimitStayUnderTheHugeMethodLimit() {
        Map<String, String> sources = new LinkedHashMap<>();
        int[][] shapes = {{127, 1}, {1, 64, 1}, {7, 16, 7}, {2, 42, 2, 42, 1}, {1, 1, 1}};
        for (int i = 0; i < shapes.length; i++) {
            sources.put("test.Edge" + i, declaration("Edge" + i, shapes[i]));
        }
        Compilation compilation = Compilations.compile(sources);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        Map<String, Integer> largest = new LinkedHashMap<>();
        Compilations.classFiles(compilation).forEach((name, bytes) -> assertSmallMethods(name, bytes, largest));
        assertEquals(2 * shapes.length, largest.size(), "model and kernel of every shape");
    }

    /**
     * Layers whose skips bring them to the unroll limit, a projection that makes its layer loop, and
     * four skips into one layer: every method stays small.
     */
    @Test
    void residualLayersAtTheUnrollLimitStayUnderTheHugeMethodLimit() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("test.Identity", residualDeclaration("Identity", new int[] {7, 15, 7}, "@Skip(from = \"x\")"));
        sources.put("test.Projected", residualDeclaration("Projected", new int[] {2, 40, 2},
                "@Skip(from = \"x\", projection = true)"));
        sources.put("test.Wide", residualDeclaration("Wide", new int[] {64, 1, 64},
                "@Skip(from = \"x\", projection = true)"));
        sources.put("test.Many", residualDeclaration("Many", new int[] {3, 3, 3, 3, 3}, "@Skip(from = \"x\") "
                + "@Skip(from = \"h1\") @Skip(from = \"h2\", projection = true) @Skip(from = \"h3\")"));
        Compilation compilation = Compilations.compile(sources);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        Map<String, Integer> largest = new LinkedHashMap<>();
        Compilations.classFiles(compilation).forEach((name, bytes) -> assertSmallMethods(name, bytes, largest));
        assertEquals(2 * sources.size(), largest.size(), "model and kernel of every shape");
    }

    /** A plain declaration of {@code widths} whose output carries {@code skips}. */
    private static String residualDeclaration(String name, int[] widths, String skips) {
        return declaration(name, widths).replace("    @Output(", "    " + skips + "\n    @Output(");
    }

    @Test
    void aLayersSkipsCountTowardsItsCode() {
        Architecture arch = Architecture.relu(2, 30, 1);
        LayerSpan output = LayerSpan.of(new SheafLayout(arch)).get(1);
        assertEquals(LayerCode.UNROLLED_BY_SAMPLE, Routing.layerCode(output));
        Architecture projected = arch.withSkips(List.of(Skip.projection(0, 2)));
        assertEquals(LayerCode.UNROLLED, Routing.layerCode(output, SkipSpan.of(new SheafLayout(projected))),
                "31 weights and biases and a 1 x 2 projection are more than by-sample code takes");
        Architecture wide = Architecture.relu(64, 1, 64);
        LayerSpan wideOutput = LayerSpan.of(new SheafLayout(wide)).get(1);
        assertEquals(LayerCode.UNROLLED, Routing.layerCode(wideOutput));
        assertEquals(LayerCode.LOOPED, Routing.layerCode(wideOutput,
                SkipSpan.of(new SheafLayout(wide.withSkips(List.of(Skip.projection(0, 2)))))));
    }

    @Test
    void aResidualKernelHasNoTilePrimitives() throws IOException {
        Path generated = examplesGenerated();
        assertTrue(Files.readString(generated.resolve("TinySheafKernel.java")).contains("void tileEdges("));
        String residual = Files.readString(generated.resolve("ResidualRegressionSheafKernel.java"));
        assertFalse(residual.contains("tileEdges") || residual.contains("tileGradient"), residual);
    }

    @Test
    void smallLayersAreUnrolledAndLargeOnesLoop() throws IOException {
        Path generated = examplesGenerated();
        String tiny = Files.readString(generated.resolve("TinySheafKernel.java"));
        assertTrue(tiny.contains("double z3 = params[11] + params[6] * x0 + params[7] * x1;"), tiny);
        assertTrue(tiny.contains("discrepanciesBySampleLayer1") && tiny.contains("forcesBySampleLayer2"),
                "[2, 4, 1] has unrolled discrepancies and forces for small batches");
        assertTrue(tiny.contains("Routing.PassRoute route = Routing.pass(batch);"), "the routing table picks the code for a batch");
        String mnist = Files.readString(generated.resolve("MnistSheafKernel.java"));
        assertTrue(mnist.contains("LayerLoops.affine(params, 0, 50176, 64, 784, state, 0, state, 784 * batch, batch)"),
                "the 784-64 layer runs the shared loops with constant sizes");
        assertFalse(mnist.contains("BySample"), "no layer of [784, 64, 10] is small enough to unroll");
        assertEquals(LayerCode.UNROLLED, Routing.layerCode(firstLayer(Architecture.relu(2, 30, 1))));
        assertEquals(LayerCode.LOOPED, Routing.layerCode(firstLayer(Architecture.relu(2, 64, 1))));
    }

    private static LayerSpan firstLayer(Architecture arch) {
        return LayerSpan.of(new SheafLayout(arch)).get(0);
    }

    static Path examplesGenerated() {
        return Path.of(System.getProperty("sheaf4j.examples.generated",
                "../examples/target/generated-sources/annotations/dev/sheaf4j/examples"));
    }

    private static String declaration(String name, int[] widths) {
        StringBuilder s = new StringBuilder("package test;\n\nimport dev.sheaf4j.Layer;\nimport dev.sheaf4j.SheafModel;\n"
                + "import dev.sheaf4j.annotation.*;\n\n@SheafNetwork\npublic interface " + name
                + " extends SheafModel {\n    @Input(" + widths[0] + ") Layer x();\n");
        for (int l = 1; l < widths.length - 1; l++) {
            s.append("    @Dense(").append(widths[l]).append(") Layer h").append(l).append("();\n");
        }
        return s.append("    @Output(").append(widths[widths.length - 1]).append(") Layer y();\n}\n").toString();
    }

    @Test
    void theProcessorCoreDoesNotDependOnTheCompilerModel() throws IOException, URISyntaxException {
        Path location = Path.of(SheafProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> core = new LinkedHashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    core.put(location.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    core.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
                }
            }
        }
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : core.entrySet()) {
            String name = e.getKey().replace('\\', '/');
            if (!name.matches("dev/sheaf4j/processor/(model|validate|generate)/.*")) {
                continue;
            }
            checked.add(name);
            for (String constant : ClassFiles.parse(e.getValue()).utf8Constants()) {
                String rest = constant.replace("javax/lang/model/element/Modifier", "");
                assertFalse(rest.contains("javax/lang/model"), name + " refers to " + constant
                        + " (only JavaPoet's Modifier is allowed in the core)");
            }
        }
        assertTrue(checked.size() >= 10, "core classes found: " + checked);
    }

    @Test
    void theProcessorIsRegisteredAndDeclaredIsolatingForGradle() throws IOException {
        assertTrue(resources("META-INF/services/javax.annotation.processing.Processor").stream()
                .anyMatch(text -> text.lines().anyMatch("dev.sheaf4j.processor.SheafProcessor"::equals)));
        assertTrue(resources("META-INF/gradle/incremental.annotation.processors").stream()
                .anyMatch(text -> text.trim().equals("dev.sheaf4j.processor.SheafProcessor,isolating")));
    }

    private static List<String> resources(String name) throws IOException {
        List<String> texts = new ArrayList<>();
        var urls = GeneratedCodeShapeTest.class.getClassLoader().getResources(name);
        while (urls.hasMoreElements()) {
            try (InputStream in = urls.nextElement().openStream()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
