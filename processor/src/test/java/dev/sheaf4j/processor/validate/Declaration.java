package dev.sheaf4j.processor.validate;

import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.processor.model.DeclarationKind;
import dev.sheaf4j.processor.model.InheritedMethod;
import dev.sheaf4j.processor.model.LayerAnnotation;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.Located;
import dev.sheaf4j.processor.model.MethodDeclaration;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.Origin;
import dev.sheaf4j.processor.model.PinDeclaration;
import dev.sheaf4j.processor.model.SkipDeclaration;
import dev.sheaf4j.processor.model.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * A network declaration built as a test needs it, in the plain model the front end would read:
 * by default {@code interface test.Net extends SheafModel} with no layers. Every origin is a
 * {@link Mark} naming the element, so a test can see where a diagnostic lands.
 */
final class Declaration {
    /** An origin that names what it marks, e.g. {@code type} or {@code hidden()@Pin.neuron}. */
    record Mark(String label) implements Origin {
    }

    static final Mark TYPE = new Mark("type");

    DeclarationKind kind = DeclarationKind.INTERFACE;
    Visibility visibility = Visibility.PUBLIC;
    List<String> names = List.of("Net");
    boolean nested;
    String privateEnclosing = "";
    boolean sealed;
    boolean staticContext = true;
    boolean generic;
    boolean extendsSheafModel = true;
    boolean usableConstructor = true;
    List<Located<String>> constructorExceptions = new ArrayList<>();
    String requestedName = "";
    final List<MethodDeclaration> methods = new ArrayList<>();
    final List<InheritedMethod> inherited = new ArrayList<>();
    final List<Located<String>> finalOverrides = new ArrayList<>();

    /** A declaration with the layers {@code widths}: input {@code x}, dense {@code h1...}, output {@code y}. */
    static Declaration withWidths(int... widths) {
        Declaration d = new Declaration();
        for (int l = 0; l < widths.length; l++) {
            LayerKind kind = l == 0 ? LayerKind.INPUT : l == widths.length - 1 ? LayerKind.OUTPUT : LayerKind.DENSE;
            d.layer(l == 0 ? "x" : l == widths.length - 1 ? "y" : "h" + l, kind, widths[l]);
        }
        return d;
    }

    /** Adds an abstract layer method {@code name()} returning Layer. */
    Declaration layer(String name, LayerKind kind, int width, PinDeclaration... pins) {
        return method(name, kind, width, false, pins);
    }

    /** Adds a layer method, static or not. */
    Declaration method(String name, LayerKind kind, int width, boolean isStatic, PinDeclaration... pins) {
        methods.add(new MethodDeclaration(name, 0, true, !isStatic, isStatic, List.of(annotation(name, kind, width)),
                List.of(pins), List.of(), new Mark(name + "()")));
        return this;
    }

    /** Adds a method as given. */
    Declaration method(String name, int parameterCount, boolean returnsLayer, boolean isAbstract,
            List<LayerAnnotation> layers, PinDeclaration... pins) {
        methods.add(new MethodDeclaration(name, parameterCount, returnsLayer, isAbstract, false, layers, List.of(pins),
                List.of(), new Mark(name + "()")));
        return this;
    }

    /** A ReLU layer annotation with an identity output map. */
    static LayerAnnotation annotation(String method, LayerKind kind, int width) {
        return annotation(method, kind, width, Activation.RELU, 0.0, OutputActivation.IDENTITY);
    }

    /** A layer annotation of {@code method()}; its width, activation and slope, and output map are marked apart. */
    static LayerAnnotation annotation(String method, LayerKind kind, int width, Activation activation, double slope,
            OutputActivation head) {
        String at = method + "()" + kind.annotation();
        return new LayerAnnotation(kind, new Located<>(width, new Mark(at + ".value")),
                new Located<>(activation, new Mark(at + ".activation")), new Located<>(slope, new Mark(at + ".slope")),
                new Located<>(head, new Mark(at + ".activation")), new Mark(at));
    }

    /** A hard pin of {@code method()}'s PRE stalk at {@code neurons} (all when none are given). */
    static PinDeclaration pin(String method, double value, int... neurons) {
        Mark at = new Mark(method + "()@Pin");
        return new PinDeclaration(true, new Located<>(Stalk.PRE, at), new Located<>(neurons, at),
                new Located<>(value, at), null, at);
    }

    /** A soft pin of {@code method()}'s POST stalk at {@code neurons} (all when none are given). */
    static PinDeclaration softPin(String method, double value, double strength, int... neurons) {
        Mark at = new Mark(method + "()@SoftPin");
        return new PinDeclaration(false, new Located<>(Stalk.POST, at), new Located<>(neurons, at),
                new Located<>(value, at), new Located<>(strength, at), at);
    }

    /**
     * Adds {@code @Skip(from = from, projection = projected)} to layer method {@code to()}; its
     * {@code from} value is marked {@code to()@Skip.from}, the annotation {@code to()@Skip}.
     */
    Declaration skip(String to, String from, boolean projected) {
        for (int i = 0; i < methods.size(); i++) {
            MethodDeclaration m = methods.get(i);
            if (m.name().equals(to)) {
                List<SkipDeclaration> skips = new ArrayList<>(m.skips());
                String at = to + "()@Skip";
                skips.add(new SkipDeclaration(new Located<>(from, new Mark(at + ".from")),
                        new Located<>(projected, new Mark(at + ".projection")), new Mark(at)));
                methods.set(i, new MethodDeclaration(m.name(), m.parameterCount(), m.returnsLayer(), m.isAbstract(),
                        m.isStatic(), m.layers(), m.pins(), List.copyOf(skips), m.origin()));
                return this;
            }
        }
        throw new IllegalArgumentException("no method " + to + "()");
    }

    NetworkDeclaration build() {
        return new NetworkDeclaration("test", names, kind, visibility, nested, privateEnclosing, sealed, staticContext,
                generic, extendsSheafModel, usableConstructor, List.copyOf(constructorExceptions),
                new Located<>(requestedName, new Mark("@SheafNetwork.name")), List.copyOf(methods),
                List.copyOf(inherited), List.copyOf(finalOverrides), TYPE);
    }
}
