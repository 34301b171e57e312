package dev.sheaf4j.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.sheaf4j.processor.validate.Message;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Reports {@code @SheafNetwork} types declared in a method or initialiser (or nested in such a type).
 * javac shows processors no local types, so this watches javac itself: after each top-level class is
 * analysed it looks through the class's tree. Under other compilers local networks go unreported.
 */
final class LocalNetworks implements TaskListener {
    private final Trees trees;

    private LocalNetworks(Trees trees) {
        this.trees = trees;
    }

    /** Starts watching the compilation of {@code env}, if javac runs it. */
    static void watch(ProcessingEnvironment env) {
        JavacTask task;
        try {
            task = JavacTask.instance(env);
        } catch (IllegalArgumentException notJavac) {
            return;
        }
        task.addTaskListener(new LocalNetworks(Trees.instance(env)));
    }

    @Override
    public void finished(TaskEvent e) {
        if (e.getKind() != TaskEvent.Kind.ANALYZE || e.getTypeElement() == null) {
            return;
        }
        TreePath path = trees.getPath(e.getTypeElement());
        if (path == null) {
            return;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree tree, Void unused) {
                Element element = trees.getElement(getCurrentPath());
                if (element instanceof TypeElement type && isNetwork(type) && local(type)) {
                    trees.printMessage(Kind.ERROR, Message.LOCAL_NETWORK.format(type.getSimpleName()), tree,
                            getCurrentPath().getCompilationUnit());
                }
                return super.visitClass(tree, unused);
            }
        }.scan(path, null);
    }

    private static boolean isNetwork(TypeElement type) {
        return type.getAnnotationMirrors().stream().anyMatch(SheafAnnotation.SHEAF_NETWORK::is);
    }

    /** Whether {@code type} or a type enclosing it is local or anonymous. */
    private static boolean local(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }
}
