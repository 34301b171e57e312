package dev.sheaf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor among javac's rounds and other processors: declarations that wait for generated
 * constants, what is reported when they never come, which annotations it claims, and an unexpected
 * failure.
 */
class ProcessorRoundsTest {
    /** The tags whose cases are here rather than in {@link ProcessorValidationTest#cases()}. */
    static final Set<String> TAGS = Set.of("Unresolved", "ProcessorFailure");

    private static final String NETWORK = """
            package test;

            import dev.sheaf4j.Layer;
            import dev.sheaf4j.SheafModel;
            import dev.sheaf4j.annotation.*;

            @SheafNetwork
            public interface Net extends SheafModel {
                @Input(2) Layer x();
                @Dense(Widths.HIDDEN) Layer hidden();
                @Output(1) Layer y();
            }
            """;

    /**
     * Generates {@code test.Widths} with {@code HIDDEN = 5} in the first round, as another processor
     * would; it runs first, since javac offers no processor annotations that an earlier one claimed.
     */
    static final class WidthsProcessor extends AbstractProcessor {
        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (processingEnv.getElementUtils().getTypeElement("test.Widths") == null && !round.processingOver()) {
                try (Writer w = processingEnv.getFiler().createSourceFile("test.Widths").openWriter()) {
                    w.write("package test;\n\nfinal class Widths {\n    static final int HIDDEN = 5;\n}\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    @Test
    void aConstantGeneratedInALaterRoundIsWaitedFor() throws ReflectiveOperationException {
        Compilation compilation = Compiler.javac().withProcessors(new WidthsProcessor(), new SheafProcessor())
                .compile(JavaFileObjects.forSourceString("test.Net", NETWORK));
        assertThat(compilation).succeededWithoutWarnings();
        Class<?> model = Compilations.classLoader(compilation).loadClass("test.NetSheaf");
        assertEquals("[2, 5, 1] identity", model.getField("ARCHITECTURE").get(null).toString());
    }

    @Test
    void aConstantThatNeverResolvesIsJavacsErrorAndOneTag() {
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", NETWORK);
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[sheaf4j:Unresolved] network 'test.Net'").inFile(file).onLine(8);
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            String text = d.getMessage(null);
            assertFalse(text.contains("ProcessorFailure") || text.contains("Exception"), text);
        }
    }

    /** Records the elements annotated with the JDK's {@code @Generated} that it is offered. */
    static final class GeneratedRecorder extends AbstractProcessor {
        final List<String> seen = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("javax.annotation.processing.Generated");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (TypeElement annotation : annotations) {
                for (Element e : round.getElementsAnnotatedWith(annotation)) {
                    seen.add(e.getSimpleName().toString());
                }
            }
            return false;
        }
    }

    @Test
    void claimsOnlyItsOwnAnnotations() {
        Set<String> supported = new SheafProcessor().getSupportedAnnotationTypes();
        assertTrue(supported.contains("dev.sheaf4j.annotation.SheafNetwork"), supported.toString());
        assertTrue(supported.stream().allMatch(name -> name.startsWith("dev.sheaf4j.annotation.")
                && !name.endsWith("*")), supported.toString());
        GeneratedRecorder recorder = new GeneratedRecorder();
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor(), recorder)
                .compile(JavaFileObjects.forSourceString("test.Net", NETWORK.replace("Widths.HIDDEN", "4")));
        assertThat(compilation).succeeded();
        assertEquals(List.of("NetSheaf", "NetSheafKernel"), recorder.seen.stream().sorted().toList());
    }

    @Test
    void anUnexpectedFailureIsOneErrorNamingTheNetwork() {
        JavaFileObject file = JavaFileObjects.forSourceString("test.Net", NETWORK.replace("Widths.HIDDEN", "4"));
        Compilation compilation = Compiler.javac().withProcessors(withFailingFiler(new SheafProcessor())).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[sheaf4j:ProcessorFailure] sheaf4j could not process network "
                + "'test.Net' (java.io.IOException: disk full)").inFile(file).onLine(8);
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    /** {@code processor} run with a Filer whose every file fails to be created. */
    private static Processor withFailingFiler(Processor processor) {
        return (Processor) Proxy.newProxyInstance(Processor.class.getClassLoader(), new Class<?>[] {Processor.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("init")) {
                        ProcessingEnvironment env = (ProcessingEnvironment) args[0];
                        args = new Object[] {Proxy.newProxyInstance(Processor.class.getClassLoader(),
                                new Class<?>[] {ProcessingEnvironment.class},
                                (p, m, a) -> m.getName().equals("getFiler") ? failingFiler() : m.invoke(env, a))};
                    }
                    return method.invoke(processor, args);
                });
    }

    private static Filer failingFiler() {
        return (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                    throw new IOException("disk full");
                });
    }
}
