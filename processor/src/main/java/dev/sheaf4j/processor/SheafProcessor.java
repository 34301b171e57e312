package dev.sheaf4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import dev.sheaf4j.processor.generate.Generation;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.NetworkSpec;
import dev.sheaf4j.processor.validate.Diagnostic;
import dev.sheaf4j.processor.validate.Environment;
import dev.sheaf4j.processor.validate.Message;
import dev.sheaf4j.processor.validate.Report;
import dev.sheaf4j.processor.validate.Validator;
import java.io.IOException;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The sheaf4j annotation processor. For each {@code @SheafNetwork} type it reads the declaration
 * into a plain model, validates it into a report whose errors land on the offending annotation
 * values, and, when the report is clean, writes the model class and its kernel. A failure on one
 * network is reported as one error naming it, and the others are still processed. It claims every
 * annotation of {@code dev.sheaf4j.annotation} and the JDK's {@code @Generated} that its own files
 * carry, so that builds with {@code -Xlint:all -Werror} stay quiet (javac warns of any annotation no
 * processor claims).
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({"dev.sheaf4j.annotation.*", "javax.annotation.processing.Generated"})
public final class SheafProcessor extends AbstractProcessor {
    /** Qualified names of the classes generated so far in this compilation. */
    private final java.util.Set<String> generated = new java.util.HashSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(DeclarationReader.SHEAF_NETWORK);
        if (annotation == null) {
            return true;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (!(element instanceof TypeElement type)) {
                continue;
            }
            try {
                processNetwork(type);
            } catch (RuntimeException | IOException e) {
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        Message.PROCESSOR_FAILURE.format(type.getQualifiedName(), e), type);
            }
        }
        return true;
    }

    private void processNetwork(TypeElement type) throws IOException {
        NetworkDeclaration declaration = new DeclarationReader(processingEnv.getElementUtils(),
                processingEnv.getTypeUtils()).read(type);
        Report report = new Validator(environment(type)).validate(declaration);
        for (Diagnostic d : report.errors()) {
            ElementOrigin origin = (ElementOrigin) d.origin();
            AnnotationMirror mirror = origin.annotation();
            if (mirror == null) {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element());
            } else if (origin.value() == null) {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element(), mirror);
            } else {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element(), mirror, origin.value());
            }
        }
        if (report.spec().isPresent()) {
            NetworkSpec spec = report.spec().get();
            for (TypeSpec file : Generation.types(spec)) {
                TypeSpec withOrigin = file.toBuilder().addOriginatingElement(type).build();
                Generation.file(spec, withOrigin).writeTo(processingEnv.getFiler());
                generated.add(spec.packageName().isEmpty() ? file.name() : spec.packageName() + "." + file.name());
            }
        }
    }

    /**
     * Whether {@code existing} is what sheaf4j generated for {@code declaration} in an earlier
     * compilation (its class file on the classpath): the model class is a subtype of the declaration,
     * the kernel a subclass of the abstract kernel.
     */
    private boolean previousOutput(TypeElement existing, TypeElement declaration) {
        var types = processingEnv.getTypeUtils();
        TypeElement kernel = processingEnv.getElementUtils().getTypeElement(
                "dev.sheaf4j.kernel.AbstractSheafKernel");
        return types.isAssignable(types.erasure(existing.asType()), types.erasure(declaration.asType()))
                || kernel != null && types.isAssignable(existing.asType(), kernel.asType());
    }

    private Environment environment(TypeElement declaration) {
        return new Environment() {
            @Override
            public boolean nameTaken(String qualifiedName) {
                TypeElement existing = processingEnv.getElementUtils().getTypeElement(qualifiedName);
                return generated.contains(qualifiedName)
                        || existing != null && !previousOutput(existing, declaration);
            }

            @Override
            public boolean isValidClassName(String name) {
                return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
            }
        };
    }
}
