package dev.sheaf4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources of three example declarations, the paper's [2, 4, 1], a two-hidden-layer
 * classifier with pins and a regression network with an identity and a projected skip, compared with the golden files in {@code src/test/resources/golden}.
 * Regenerate them after an intended change with
 * {@code mvn -B verify -Dsheaf4j.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of(System.getProperty("sheaf4j.golden.dir", "src/test/resources/golden"));
    private static final Path DECLARATIONS = Path.of(System.getProperty("sheaf4j.examples.sources",
            "../examples/src/main/java"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tiny", "PinnedClassifier", "ResidualRegression"})
    void generatedSourcesMatchTheGoldenFiles(String declaration) throws IOException {
        Path source = DECLARATIONS.resolve("dev/sheaf4j/examples/" + declaration + ".java");
        JavaFileObject file = JavaFileObjects.forSourceString("dev.sheaf4j.examples." + declaration,
                Files.readString(source));
        Compilation compilation = Compiler.javac().withProcessors(new SheafProcessor()).compile(file);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        for (String generated : List.of(declaration + "Sheaf", declaration + "SheafKernel")) {
            String text = compilation.generatedSourceFile("dev.sheaf4j.examples." + generated).orElseThrow()
                    .getCharContent(false).toString();
            Path golden = GOLDEN.resolve(generated + ".java.txt");
            if (Boolean.getBoolean("sheaf4j.updateGolden")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, text, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text, generated
                    + " differs from its golden file; if the change is intended, run with -Dsheaf4j.updateGolden=true");
        }
    }
}
