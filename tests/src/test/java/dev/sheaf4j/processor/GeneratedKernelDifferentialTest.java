package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.sheaf4j.SheafModel;
import dev.sheaf4j.examples.BlobsSheaf;
import dev.sheaf4j.examples.CircleSheaf;
import dev.sheaf4j.examples.DeepRegressionSheaf;
import dev.sheaf4j.examples.IrisSheaf;
import dev.sheaf4j.examples.MnistSheaf;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.examples.PinnedClassifierSheaf;
import dev.sheaf4j.examples.ResidualMnistSheaf;
import dev.sheaf4j.examples.ResidualRegressionSheaf;
import dev.sheaf4j.examples.SaddleSheaf;
import dev.sheaf4j.examples.TinySheaf;
import dev.sheaf4j.examples.WideMnistSheaf;
import dev.sheaf4j.kernel.GenericKernel;
import dev.sheaf4j.kernel.OutputEdgeMode;
import dev.sheaf4j.kernel.Routing;
import dev.sheaf4j.kernel.SheafKernel;
import dev.sheaf4j.kernel.Workspace;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.PinSet;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated kernels against the generic kernel, operation by operation, on seeded states, weights,
 * targets and pins: every example network, 20 seeded random declarations and 12 seeded random
 * residual declarations compiled in memory.
 */
class GeneratedKernelDifferentialTest {
    private static final double TOLERANCE = 1e-12;
    private static final int RANDOM_DECLARATIONS = 20;
    private static final int RESIDUAL_DECLARATIONS = 12;
    /** Every operation of the kernel contract that this test compares (forces in both modes). */
    private static final Set<String> COMPARED = new TreeSet<>();

    static List<SheafModel> examples() {
        return List.of(TinySheaf.create(1), ParaboloidSheaf.create(2), SaddleSheaf.create(3),
                DeepRegressionSheaf.create(4), CircleSheaf.create(5), BlobsSheaf.create(6), IrisSheaf.create(7),
                MnistSheaf.create(8), WideMnistSheaf.create(9), PinnedClassifierSheaf.create(10),
                ResidualRegressionSheaf.create(11), ResidualMnistSheaf.create(12));
    }

    static Map<String, SheafModel> randomModels() throws ReflectiveOperationException {
        return randomModels("Random", RANDOM_DECLARATIONS, 1000, false);
    }

    static Map<String, SheafModel> residualModels() throws ReflectiveOperationException {
        return randomModels("Residual", RESIDUAL_DECLARATIONS, 2000, true);
    }

    /** {@code count} random declarations {@code test.<prefix>i} from seeds {@code firstSeed + i}, by source. */
    private static Map<String, SheafModel> randomModels(String prefix, int count, long firstSeed, boolean residual)
            throws ReflectiveOperationException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            sources.put("test." + prefix + i, RandomDeclarations.source(prefix + i, firstSeed + i, residual));
        }
        Compilation compilation = Compilations.compile(sources);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        ClassLoader loader = Compilations.classLoader(compilation);
        Map<String, SheafModel> models = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Class<?> type = loader.loadClass("test." + prefix + i + "Sheaf");
            models.put(sources.get("test." + prefix + i),
                    (SheafModel) type.getMethod("create", long.class).invoke(null, i));
        }
        return models;
    }

    @TestFactory
    Stream<DynamicTest> exampleKernelsMatchTheGenericKernel() {
        return examples().stream().map(model -> DynamicTest.dynamicTest(
                model.getClass().getSimpleName() + " " + model.network().architecture(), () -> compare(model, 42)));
    }

    @TestFactory
    Stream<DynamicTest> randomDeclarationKernelsMatchTheGenericKernel() throws ReflectiveOperationException {
        return randomModels().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getValue().network().architecture().toString(), () -> compare(e.getValue(), e.getKey().hashCode())));
    }

    @TestFactory
    Stream<DynamicTest> residualDeclarationKernelsMatchTheGenericKernel() throws ReflectiveOperationException {
        return residualModels().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getValue().network().architecture().toString(), () -> compare(e.getValue(), e.getKey().hashCode())));
    }

    @Test
    void theResidualDeclarationsHaveEveryKindOfSkip() throws ReflectiveOperationException {
        List<Architecture> archs = residualModels().values().stream().map(m -> m.network().architecture()).toList();
        List<Skip> skips = archs.stream().flatMap(a -> a.skips().stream()).toList();
        assertTrue(skips.stream().anyMatch(Skip::projected), "a projection");
        assertTrue(skips.stream().anyMatch(k -> !k.projected()), "an identity skip");
        assertTrue(skips.stream().anyMatch(k -> k.from() == 0), "a skip from the input");
        assertTrue(skips.stream().anyMatch(k -> k.from() > 0), "a skip from a hidden layer");
        assertTrue(archs.stream().anyMatch(a -> a.skips().stream().anyMatch(k -> k.to() == a.layers())),
                "a skip into the output");
        assertTrue(archs.stream().anyMatch(a -> a.skips().stream().anyMatch(k -> k.to() < a.layers())),
                "a skip into a hidden layer");
        assertTrue(archs.stream().anyMatch(a -> a.skips().stream().map(Skip::to).distinct().count()
                < a.skips().size()), "several skips into one layer");
        assertTrue(archs.stream().allMatch(Architecture::residual), "every residual declaration has a skip");
    }

    @AfterAll
    static void everyOperationOfTheContractWasCompared() {
        Set<String> contract = new TreeSet<>();
        for (Method m : SheafKernel.class.getMethods()) {
            if (!m.getName().equals("layout")) {
                contract.add(m.getName());
            }
        }
        Set<String> compared = new TreeSet<>();
        COMPARED.forEach(op -> compared.add(op.replaceAll(" .*", "")));
        assertEquals(contract, compared, "operations of SheafKernel not compared: update this test");
        assertEquals(8, COMPARED.size(),
                "forward, discrepancies, forces in both modes, eulerStep and trainingStep with the inputs fixed and free");
    }

    @Test
    void generatedKernelsAreNotTheGenericOne() {
        for (SheafModel model : examples()) {
            assertNotSame(GenericKernel.class, model.kernel().getClass());
        }
    }

    /**
     * The batch sizes compared: both sides of every boundary of the {@link Routing} table (one sample,
     * by sample, tiles from {@link Routing#TILE_BATCH}, looped passes from {@link Routing#LOOP_BATCH}),
     * one tile and two around {@link Routing#TILE}, the paper's 300, 1000 and the prime 997.
     */
    static int[] batches() {
        return IntStream.of(1, 2, Routing.TILE_BATCH - 1, Routing.TILE_BATCH, Routing.TILE_BATCH + 1,
                Routing.LOOP_BATCH - 1, Routing.LOOP_BATCH, Routing.LOOP_BATCH + 1, Routing.TILE - 1, Routing.TILE,
                Routing.TILE + 1, 300, 997, 1000).distinct().sorted().toArray();
    }

    /** Runs every operation of both kernels on the same inputs, for each of the {@link #batches}. */
    private static void compare(SheafModel model, long seed) {
        SheafKernel generated = model.kernel();
        SheafLayout layout = generated.layout();
        Architecture arch = layout.architecture();
        GenericKernel generic = new GenericKernel(arch);
        SplittableRandom random = new SplittableRandom(seed);
        double[] params = model.network().parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] += 0.1 * random.nextGaussian();
        }
        new Network(arch, params);
        for (int batch : batches()) {
            double[] state = gaussian(random, layout.stateSize() * batch);
            double[] targets = gaussian(random, arch.outputs() * batch);
            Pins pins = model.declaredPins().and(Pins.builder()
                    .soft(Coordinate.pre(arch.layers(), arch.outputs() - 1), 0.3, 1.5).build());
            try {
                pins.compile(layout, batch);
            } catch (IllegalArgumentException twoPinsOnOneCoordinate) {
                pins = model.declaredPins();
            }
            String where = arch + " batch " + batch;

            run("forward", where, (k, p, v, w) -> k.forward(p, v, batch), generic, generated, params, state, batch);
            run("discrepancies", where, (k, p, v, w) -> {
                double[] out = new double[layout.discrepancySize() * batch];
                k.discrepancies(p, v, batch, out);
                System.arraycopy(out, 0, v, 0, out.length);
            }, generic, generated, params, state, batch);
            for (OutputEdgeMode mode : OutputEdgeMode.values()) {
                run("forces " + mode, where, (k, p, v, w) -> {
                    double[] out = new double[layout.stateSize() * batch];
                    k.forces(p, v, mode, w, out);
                    System.arraycopy(out, 0, v, 0, out.length);
                }, generic, generated, params, state, batch);
            }
            PinSet inputsFixed = pins.compile(layout, batch);
            PinSet inputsFree = pins.and(Pins.builder().freeInput().build()).compile(layout, batch);
            for (PinSet finalPins : List.of(inputsFixed, inputsFree)) {
                String pinned = finalPins == inputsFree ? " inputs free" : "";
                run("eulerStep" + pinned, where, (k, p, v, w) -> {
                    finalPins.applyHard(v);
                    k.eulerStep(p, v, 0.01, OutputEdgeMode.JACOBIAN, finalPins, w);
                }, generic, generated, params, state, batch);
                run("trainingStep" + pinned, where, (k, p, v, w) -> {
                    finalPins.applyHard(v);
                    k.trainingStep(p, v, targets, 0.01, 0.003, finalPins, w);
                }, generic, generated, params, state, batch);
            }
        }
    }

    /** One operation: mutates the state copy (and the parameter copy) it is given. */
    private interface Operation {
        void apply(SheafKernel kernel, double[] params, double[] state, Workspace workspace);
    }

    private static void run(String name, String where, Operation op, SheafKernel generic, SheafKernel generated,
            double[] params, double[] state, int batch) {
        double[] p1 = params.clone();
        double[] v1 = state.clone();
        double[] p2 = params.clone();
        double[] v2 = state.clone();
        op.apply(generic, p1, v1, new Workspace(generic.layout(), batch));
        op.apply(generated, p2, v2, new Workspace(generated.layout(), batch));
        assertClose(v1, v2, name + " state on " + where);
        assertClose(p1, p2, name + " parameters on " + where);
        COMPARED.add(name);
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > TOLERANCE * (1 + Math.abs(expected[i]))) {
                throw new AssertionError(what + ": entry " + i + " generic " + expected[i] + " generated " + actual[i]
                        + " (" + Arrays.toString(Arrays.copyOf(expected, Math.min(8, expected.length))) + "...)");
            }
        }
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    static List<String> names(List<SheafModel> models) {
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.getClass().getSimpleName()));
        return names;
    }
}
