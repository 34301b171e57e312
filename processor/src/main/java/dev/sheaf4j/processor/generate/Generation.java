package dev.sheaf4j.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.sheaf4j.processor.model.NetworkSpec;
import java.util.List;

/** Turns a validated network into the Java files to write: the model class and its kernel. */
public final class Generation {
    /** The name the generated files' {@code @Generated} annotation gives. */
    public static final String PROCESSOR = "dev.sheaf4j.processor.SheafProcessor";

    private Generation() {
    }

    /** {@code @Generated("dev.sheaf4j.processor.SheafProcessor")}, with no date so output is reproducible. */
    static AnnotationSpec generatedAnnotation() {
        return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", PROCESSOR).build();
    }

    /**
     * The type specs for {@code spec}, model class first. The front end adds the originating element
     * and writes them with {@link #file}.
     */
    public static List<TypeSpec> types(NetworkSpec spec) {
        ClassName model = ClassName.get(spec.packageName(), spec.generatedName());
        return List.of(new ModelGenerator(spec).generate(ClassName.get(spec.packageName(), spec.kernelName())),
                new KernelGenerator(spec).generate(model));
    }

    /** One generated type as a file of {@code spec}'s package. */
    public static JavaFile file(NetworkSpec spec, TypeSpec type) {
        return JavaFile.builder(spec.packageName(), type).skipJavaLangImports(true).indent("    ").build();
    }
}
