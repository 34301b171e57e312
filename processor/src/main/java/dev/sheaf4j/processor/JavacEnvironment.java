package dev.sheaf4j.processor;

import dev.sheaf4j.processor.validate.Environment;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/** What javac knows of the names around one network declaration. */
final class JavacEnvironment implements Environment {
    /** Identifiers that are not keywords but may not name a type (JLS 3.9, Java 17). */
    private static final Set<String> RESTRICTED = Set.of("var", "yield", "record", "sealed", "permits");

    private final ProcessingEnvironment env;
    private final TypeElement declaration;
    private final Set<String> generated;

    /**
     * @param generated qualified names of the classes generated so far in this compilation
     */
    JavacEnvironment(ProcessingEnvironment env, TypeElement declaration, Set<String> generated) {
        this.env = env;
        this.declaration = declaration;
        this.generated = generated;
    }

    @Override
    public boolean nameTaken(String qualifiedName) {
        TypeElement existing = env.getElementUtils().getTypeElement(qualifiedName);
        return generated.contains(qualifiedName) || existing != null && !previousOutput(existing);
    }

    @Override
    public boolean isValidClassName(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !RESTRICTED.contains(name);
    }

    /**
     * Whether {@code existing} is what sheaf4j generated for the declaration in an earlier compilation
     * (its class file on the classpath): the model class is a subtype of the declaration, the kernel
     * a subclass of the abstract kernel.
     */
    private boolean previousOutput(TypeElement existing) {
        Types types = env.getTypeUtils();
        TypeElement kernel = env.getElementUtils().getTypeElement("dev.sheaf4j.kernel.AbstractSheafKernel");
        return types.isAssignable(types.erasure(existing.asType()), types.erasure(declaration.asType()))
                || kernel != null && types.isAssignable(existing.asType(), kernel.asType());
    }
}
