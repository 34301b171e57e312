package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.sheaf4j.Sheaf;
import dev.sheaf4j.TrainedModel;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.examples.Paraboloid;
import dev.sheaf4j.examples.ParaboloidSheaf;
import dev.sheaf4j.examples.PinnedClassifier;
import dev.sheaf4j.examples.PinnedClassifierSheaf;
import dev.sheaf4j.examples.ResidualRegression;
import dev.sheaf4j.examples.ResidualRegressionSheaf;
import dev.sheaf4j.examples.Tiny;
import dev.sheaf4j.examples.TinySheaf;
import dev.sheaf4j.io.NetworkFile;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Skip;
import dev.sheaf4j.network.Weights;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.solve.DiffusionResult;
import dev.sheaf4j.solve.DiffusionSettings;
import dev.sheaf4j.train.Dataset;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated model classes as a user meets them: factories, layer handles, pins, saving and loading. */
class GeneratedModelTest {

    @Test
    void factoriesGiveSeededGivenAndSavedWeights(@TempDir Path dir) throws IOException {
        Paraboloid seeded = ParaboloidSheaf.create(42);
        assertArrayEquals(Network.heInitialised(ParaboloidSheaf.ARCHITECTURE, 42).parameters(),
                seeded.network().parameters());
        Paraboloid given = ParaboloidSheaf.create(Weights.of(seeded.network()));
        assertArrayEquals(seeded.network().parameters(), given.network().parameters());
        Path file = dir.resolve("paraboloid.sheaf");
        NetworkFile.save(seeded.network(), file);
        assertArrayEquals(seeded.network().parameters(), ParaboloidSheaf.load(file).network().parameters());
        NetworkFile.save(TinySheaf.create(1).network(), file);
        IOException e = assertThrows(IOException.class, () -> ParaboloidSheaf.load(file));
        assertTrue(e.getMessage().contains("architecture"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParaboloidSheaf.create(Weights.of(TinySheaf.create(1).network())));
    }

    @Test
    void generatedAndRuntimeBuiltModelsAgree() {
        Tiny tiny = TinySheaf.create(3);
        Sheaf same = Sheaf.of(tiny.network());
        double[] x = {0.3, -1.2};
        assertArrayEquals(same.forward(x), tiny.forward(x), 1e-15);
        assertEquals(same.spectrum(x).lambdaMin(), tiny.spectrum(x).lambdaMin(), 1e-12);
    }

    @Test
    void aResidualModelComputesItsDeclaredSkips() {
        ResidualRegression net = ResidualRegressionSheaf.create(7);
        Architecture arch = ResidualRegressionSheaf.ARCHITECTURE;
        assertEquals(List.of(Skip.identity(2, 3), Skip.projection(0, 4)), arch.skips());
        assertArrayEquals(Network.heInitialised(arch, 7).parameters(), net.network().parameters());
        double[] p = net.network().parameters();
        double[] x = {0.3, -1.2};
        double[] a1 = relu(affine(p, arch, 1, x));
        double[] a2 = relu(affine(p, arch, 2, a1));
        double[] z3 = affine(p, arch, 3, a2);
        for (int i = 0; i < z3.length; i++) {
            z3[i] += a2[i];
        }
        double y = affine(p, arch, 4, relu(z3))[0];
        int projection = arch.projectionOffset(1);
        y += p[projection] * x[0] + p[projection + 1] * x[1];
        assertEquals(y, net.forward(x)[0], 1e-12);
    }

    /** {@code W_l in + b_l} from the flat parameters. */
    private static double[] affine(double[] p, Architecture arch, int l, double[] in) {
        double[] z = new double[arch.width(l)];
        for (int i = 0; i < z.length; i++) {
            z[i] = p[arch.biasOffset(l) + i];
            for (int j = 0; j < in.length; j++) {
                z[i] += p[arch.weightOffset(l) + i * in.length + j] * in[j];
            }
        }
        return z;
    }

    private static double[] relu(double[] z) {
        return Arrays.stream(z).map(v -> Math.max(0, v)).toArray();
    }

    @Test
    void layerHandlesAddressTheDeclaredLayers() {
        PinnedClassifier net = PinnedClassifierSheaf.create(5);
        assertEquals(new Coordinate(1, Stalk.PRE, 3), net.first().pre(3));
        assertEquals(new Coordinate(3, Stalk.POST, 2), net.y().post(2));
        assertEquals(6, net.second().width());
        assertEquals("second", net.second().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.x().post());
        assertTrue(e.getMessage().contains("x()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.first().pre(8));
    }

    @Test
    void declaredPinsAlwaysApplyAndRunTimePinsAdd() {
        PinnedClassifier net = PinnedClassifierSheaf.create(5);
        SheafState start = net.forwardPass(new double[] {0.4, -0.7});
        DiffusionSettings settings = DiffusionSettings.defaults().withMaxSteps(20_000).withTolerance(1e-10);
        DiffusionResult declared = net.diffuse(start, Pins.none(), settings);
        assertEquals(0.5, declared.state().get(net.first().pre(0), 0), 0.0, "declared @Pin holds");
        assertEquals(0.9, declared.state().get(net.y().post(0), 0), 0.0, "declared @Pin on a_out holds");
        DiffusionResult more = net.diffuse(start, Pins.builder().hard(net.first().pre(1), -0.25).build(), settings);
        assertEquals(0.5, more.state().get(net.first().pre(0), 0), 0.0);
        assertEquals(-0.25, more.state().get(net.first().pre(1), 0), 0.0, "run-time pin holds too");
        assertThrows(IllegalArgumentException.class,
                () -> net.diffuse(start, Pins.builder().hard(net.first().pre(0), 1.0).build(), settings),
                "a run-time pin may not contradict a declared one");
    }

    @Test
    void trainingGivesBackTheDeclaredTypeWithItsDeclaredPinsHeld() {
        PinnedClassifier net = PinnedClassifierSheaf.create(5);
        Dataset data = Dataset.of(new double[][] {{0.4, -0.7}, {-1, 0.2}, {0.3, 0.9}},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        TrainedModel trained = net.training(data).epochs(2).stepsPerEpoch(20).run();
        PinnedClassifier better = trained.model();
        assertEquals(PinnedClassifierSheaf.class, better.getClass());
        assertEquals(trained.result().network(), better.network());
        assertEquals(net.declaredPins(), better.declaredPins());
        assertNotEquals(net.network(), better.network());
        for (int s = 0; s < data.size(); s++) {
            assertEquals(0.5, trained.result().stalks().get(net.first().pre(0), s), 0.0, "declared @Pin held");
        }
        TrainedModel free = net.training(data).epochs(2).stepsPerEpoch(20).withoutDeclaredPins().run();
        assertNotEquals(0.5, free.result().stalks().get(net.first().pre(0), 0));
    }

    @Test
    void everyGeneratedFileNamesItsOriginatingElement() {
        RecordingProcessor recorder = new RecordingProcessor();
        Compiler.javac().withProcessors(recorder).compile(JavaFileObjects.forSourceString("test.Net", """
                package test;

                import dev.sheaf4j.Layer;
                import dev.sheaf4j.SheafModel;
                import dev.sheaf4j.annotation.*;

                @SheafNetwork
                public interface Net extends SheafModel {
                    @Input(2) Layer x();
                    @Output(1) Layer y();
                }
                """));
        assertEquals(Map.of("test.NetSheaf", List.of("test.Net"), "test.NetSheafKernel", List.of("test.Net")),
                recorder.origins);
    }

    /** Runs the sheaf4j processor behind a filer that records each source file's originating elements. */
    private static final class RecordingProcessor extends AbstractProcessor {
        private final SheafProcessor delegate = new SheafProcessor();
        final Map<String, List<String>> origins = new LinkedHashMap<>();

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            Filer filer = env.getFiler();
            Filer recording = proxy(Filer.class, (p, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                    List<String> names = new ArrayList<>();
                    for (Element e : (Element[]) args[1]) {
                        names.add(((TypeElement) e).getQualifiedName().toString());
                    }
                    origins.put(args[0].toString(), names);
                }
                return method.invoke(filer, args);
            });
            delegate.init(proxy(ProcessingEnvironment.class,
                    (p, method, args) -> method.getName().equals("getFiler") ? recording : method.invoke(env, args)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
