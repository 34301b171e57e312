package dev.sheaf4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.TypeSpec;
import dev.sheaf4j.processor.generate.Generation;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.NetworkSpec;
import dev.sheaf4j.processor.validate.Diagnostic;
import dev.sheaf4j.processor.validate.Message;
import dev.sheaf4j.processor.validate.Report;
import dev.sheaf4j.processor.validate.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The sheaf4j annotation processor. For each {@code @SheafNetwork} type it reads the declaration
 * into a plain model, validates it into a report whose errors land on the offending annotation
 * values, and, when the report is clean, writes the model class and its kernel. A declaration that
 * refers to something javac has not resolved yet (a type or constant another processor generates)
 * waits for a later round; what is still unresolved in the last round is reported once. A failure on
 * one network is reported as one error naming it, and the others are still processed. It claims the
 * annotations of {@link SheafAnnotation} and no others.
 */
@AutoService(Processor.class)
public final class SheafProcessor extends AbstractProcessor {
    /** Qualified names of the classes generated so far in this compilation. */
    private final Set<String> generated = new HashSet<>();
    /** Qualified names of the networks waiting for a later round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private ContainedAnnotations contained;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        LocalNetworks.watch(env);
        contained = ContainedAnnotations.of(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return SheafAnnotation.qualifiedNames();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Resolution resolution = new Resolution(processingEnv.getTypeUtils());
        for (TypeElement type : networks(round)) {
            if (!resolution.resolved(type)) {
                if (round.processingOver()) {
                    processingEnv.getMessager().printMessage(Kind.ERROR,
                            Message.UNRESOLVED.format(type.getQualifiedName()), type);
                } else {
                    deferred.add(type.getQualifiedName().toString());
                }
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

    /** The networks deferred so far, found again in this round, then the round's own. */
    private List<TypeElement> networks(RoundEnvironment round) {
        List<TypeElement> out = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                out.add(type);
            }
        }
        deferred.clear();
        TypeElement annotation = processingEnv.getElementUtils()
                .getTypeElement(SheafAnnotation.SHEAF_NETWORK.qualifiedName());
        if (annotation != null) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    out.add(type);
                }
            }
        }
        return out;
    }

    private void processNetwork(TypeElement type) throws IOException {
        NetworkDeclaration declaration = new DeclarationReader(processingEnv.getElementUtils(),
                processingEnv.getTypeUtils()).read(type);
        Report report = new Validator(new JavacEnvironment(processingEnv, type, generated)).validate(declaration);
        for (Diagnostic d : report.errors()) {
            ElementOrigin origin = (ElementOrigin) d.origin();
            AnnotationMirror mirror = origin.annotation();
            if (contained.report(Kind.ERROR, d.text(), origin)) {
                continue;
            }
            if (mirror == null) {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element());
            } else if (origin.value() == null) {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element(), mirror);
            } else {
                processingEnv.getMessager().printMessage(Kind.ERROR, d.text(), origin.element(), mirror,
                        origin.value());
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
}
