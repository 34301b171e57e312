package dev.sheaf4j.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles declarations in memory with the sheaf4j processor and loads the classes it produced. */
final class Compilations {
    private Compilations() {
    }

    /**
     * Compiles {@code sources} (qualified name, source text pairs) with the processor,
     * {@code -Xlint:all,-processing -Werror}: the JDK's {@code @Generated} on the generated classes is
     * left unclaimed, which {@code -Xlint:processing} would warn of.
     */
    static Compilation compile(Map<String, String> sources) {
        List<JavaFileObject> files = sources.entrySet().stream()
                .map(e -> JavaFileObjects.forSourceString(e.getKey(), e.getValue())).toList();
        return Compiler.javac().withProcessors(new SheafProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(files);
    }

    /** Compiles one source. */
    static Compilation compile(String qualifiedName, String source) {
        return compile(Map.of(qualifiedName, source));
    }

    /** A class loader over the class files {@code compilation} wrote. */
    static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = classFiles(compilation);
        return new ClassLoader(Compilations.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** The bytes of every class file {@code compilation} wrote, by binary name. */
    static Map<String, byte[]> classFiles(Compilation compilation) {
        Map<String, byte[]> out = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    out.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
