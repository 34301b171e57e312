package dev.sheaf4j.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic.Kind;

/**
 * Reports on repeated annotations, which javac folds into their container: two {@code @Skip}s on a
 * method become one {@code @Skip.List}, and the Messager, finding no tree for the inner
 * annotations, would point at the method instead. This finds the inner annotation's own tree in the
 * method's source, and the tree of the value at fault, so that the caret lands on the literal as it
 * does for a single annotation. Under a compiler other than javac it finds nothing.
 */
final class ContainedAnnotations {
    private final Trees trees;

    private ContainedAnnotations(Trees trees) {
        this.trees = trees;
    }

    /** The finder for {@code env}'s compiler. */
    static ContainedAnnotations of(ProcessingEnvironment env) {
        try {
            return new ContainedAnnotations(Trees.instance(env));
        } catch (IllegalArgumentException notJavac) {
            return new ContainedAnnotations(null);
        }
    }

    /**
     * Reports {@code text} at {@code origin} if its annotation sits in an implicit container;
     * false, leaving the report to the Messager, if it does not or its tree cannot be found.
     */
    boolean report(Kind kind, String text, ElementOrigin origin) {
        AnnotationMirror annotation = origin.annotation();
        Element element = origin.element();
        if (trees == null || annotation == null || element.getAnnotationMirrors().contains(annotation)) {
            return false;
        }
        TreePath method = trees.getPath(element);
        int index = indexInContainer(element, annotation);
        if (method == null || !(method.getLeaf() instanceof MethodTree tree) || index < 0) {
            return false;
        }
        TreePath modifiers = new TreePath(method, tree.getModifiers());
        for (AnnotationTree written : tree.getModifiers().getAnnotations()) {
            TreePath type = new TreePath(new TreePath(modifiers, written), written.getAnnotationType());
            if (annotation.getAnnotationType().asElement().equals(trees.getElement(type)) && index-- == 0) {
                trees.printMessage(kind, text, at(written, member(annotation, origin.value())),
                        method.getCompilationUnit());
                return true;
            }
        }
        return false;
    }

    /** The position of {@code annotation} among the values of the container on {@code element} that holds it, or -1. */
    private static int indexInContainer(Element element, AnnotationMirror annotation) {
        for (AnnotationMirror container : element.getAnnotationMirrors()) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                    : container.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals("value") && e.getValue().getValue() instanceof List<?> l) {
                    for (int i = 0; i < l.size(); i++) {
                        if (((AnnotationValue) l.get(i)).getValue() == annotation) {
                            return i;
                        }
                    }
                }
            }
        }
        return -1;
    }

    /** The name of the member of {@code annotation} whose value is {@code value}; null for none. */
    private static String member(AnnotationMirror annotation, AnnotationValue value) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : annotation.getElementValues().entrySet()) {
            if (e.getValue() == value) {
                return e.getKey().getSimpleName().toString();
            }
        }
        return null;
    }

    /** The tree of {@code member}'s value in {@code written}, or {@code written} itself. */
    private static Tree at(AnnotationTree written, String member) {
        for (ExpressionTree argument : written.getArguments()) {
            if (argument instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree name
                    && name.getName().contentEquals(member == null ? "" : member)) {
                return a.getExpression();
            }
            if (!(argument instanceof AssignmentTree) && "value".equals(member)) {
                return argument;
            }
        }
        return written;
    }
}
