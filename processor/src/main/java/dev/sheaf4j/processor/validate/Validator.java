package dev.sheaf4j.processor.validate;

import dev.sheaf4j.SheafModel;
import dev.sheaf4j.annotation.Activation;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.processor.model.DeclarationKind;
import dev.sheaf4j.processor.model.InheritedMethod;
import dev.sheaf4j.processor.model.LayerAnnotation;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.MethodDeclaration;
import dev.sheaf4j.processor.model.NetworkDeclaration;
import dev.sheaf4j.processor.model.NetworkSpec;
import dev.sheaf4j.processor.model.Origin;
import dev.sheaf4j.processor.model.PinDeclaration;
import dev.sheaf4j.processor.model.SkipDeclaration;
import dev.sheaf4j.processor.model.Visibility;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a network declaration against every rule of the DSL and reports all problems at once, each
 * on the element, annotation or value at fault; a clean declaration becomes a {@link NetworkSpec}.
 */
public final class Validator {
    /**
     * The most layers (input and output included) of a network: 256 keeps each generated primitive,
     * which calls one method per layer, under the JIT's 8,000-byte limit on the methods it compiles.
     */
    public static final int MAX_LAYERS = 256;
    /** The most pin annotations of a network, so that the generated pin initialiser fits a class file. */
    public static final int MAX_PIN_ANNOTATIONS = 512;
    /** The most neurons the pin annotations of a network list in all, for the same reason. */
    public static final int MAX_LISTED_NEURONS = 2048;

    /** Zero-argument methods of {@code SheafModel} and {@code Object} that a layer method must not redeclare. */
    private static final Set<String> RESERVED_NAMES = Stream.of(SheafModel.class.getMethods(),
                    Object.class.getDeclaredMethods())
            .flatMap(Arrays::stream)
            .filter(method -> method.getParameterCount() == 0)
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * Packages whose types the files of the declaration's package may name without a single-type import
     * (java.lang always, sheaf4j's through the wildcard imports its declarations tend to use); a generated
     * class of the same simple name would hide them there.
     */
    private static final List<String> HIDABLE_PACKAGES = List.of(String.class.getPackageName(),
            SheafModel.class.getPackageName(), Activation.class.getPackageName());

    private final Environment environment;

    /** A validator that asks {@code environment} about names. */
    public Validator(Environment environment) {
        this.environment = environment;
    }

    /** All errors of {@code declaration}, and its spec if there are none. */
    public Report validate(NetworkDeclaration declaration) {
        Errors errors = new Errors();
        checkType(declaration, errors);
        List<MethodDeclaration> layers = checkMethods(declaration, errors);
        checkOrder(declaration, layers, errors);
        for (MethodDeclaration method : layers) {
            checkLayer(method, errors);
        }
        checkPins(layers, errors);
        SkipRules.check(declaration.sourceName(), layers, errors);
        if (errors.list.isEmpty()) {
            checkSize(declaration, layers, errors);
        }
        if (!errors.list.isEmpty()) {
            return new Report(List.copyOf(errors.list), Optional.empty());
        }
        return new Report(List.of(), Optional.of(spec(declaration, layers)));
    }

    private void checkType(NetworkDeclaration d, Errors errors) {
        String name = d.sourceName();
        if (d.kind() == DeclarationKind.CONCRETE_CLASS || d.kind() == DeclarationKind.OTHER) {
            errors.add(Message.NOT_ABSTRACT, d.origin(), name);
        }
        if (d.visibility() == Visibility.PRIVATE || d.visibility() == Visibility.PROTECTED) {
            errors.add(Message.PRIVATE_TYPE, d.origin(), name,
                    d.visibility().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (d.generic()) {
            errors.add(Message.GENERIC_TYPE, d.origin(), name);
        }
        if (!d.extendsSheafModel()) {
            errors.add(Message.NOT_SHEAF_MODEL, d.origin(), name, d.simpleNames().get(d.simpleNames().size() - 1));
        }
        if (d.kind() == DeclarationKind.ABSTRACT_CLASS && d.nested() && !d.staticContext()) {
            errors.add(Message.INNER_CLASS, d.origin(), name);
        }
        if (d.kind() == DeclarationKind.ABSTRACT_CLASS && !d.hasUsableConstructor()) {
            errors.add(Message.NO_CONSTRUCTOR, d.origin(), name);
        }
        if (!d.privateEnclosing().isEmpty()) {
            errors.add(Message.PRIVATE_ENCLOSING_TYPE, d.origin(), name, d.privateEnclosing(), d.privateEnclosing());
        }
        if (d.sealed()) {
            errors.add(Message.SEALED_TYPE, d.origin(), name);
        }
        for (var exception : d.constructorExceptions()) {
            errors.add(Message.CONSTRUCTOR_THROWS, exception.origin(), name, exception.value());
        }
        for (var method : d.finalOverrides()) {
            errors.add(Message.FINAL_METHOD, method.origin(), method.value(), name);
        }
        for (InheritedMethod method : d.inherited()) {
            Message message = method.layer() ? Message.INHERITED_LAYER : Message.INHERITED_ABSTRACT;
            errors.add(message, d.origin(), method.layer() ? method.name() : name,
                    method.layer() ? name : method.name(), method.declaringType(), name);
        }
        checkGeneratedNames(d, errors);
    }

    private void checkGeneratedNames(NetworkDeclaration d, Errors errors) {
        String requested = d.requestedName().value();
        if (!requested.isEmpty() && !environment.isValidClassName(requested)) {
            errors.add(Message.INVALID_NAME, d.requestedName().origin(), requested);
            return;
        }
        String prefix = d.packageName().isEmpty() ? "" : d.packageName() + ".";
        for (String generated : List.of(d.generatedName(), d.generatedName() + "Kernel")) {
            if (generated.equals(d.topLevelName()) || environment.nameTaken(prefix + generated)) {
                errors.add(Message.NAME_CLASH, d.requestedName().origin(), generated, d.sourceName());
                return;
            }
            for (String hidden : HIDABLE_PACKAGES) {
                if (environment.nameTaken(hidden + "." + generated)) {
                    errors.add(Message.HIDING_NAME, d.requestedName().origin(), generated, d.sourceName(),
                            d.packageName(), hidden + "." + generated);
                    return;
                }
            }
        }
    }

    /**
     * Whether {@code m} is {@code toString()} or {@code hashCode()} redeclared in an interface, where
     * {@code Object}'s implementation serves (an abstract class that redeclares them takes that away).
     */
    private static boolean implementedByObject(NetworkDeclaration d, MethodDeclaration m) {
        return d.kind() == DeclarationKind.INTERFACE && m.parameterCount() == 0
                && (m.name().equals("toString") || m.name().equals("hashCode"));
    }

    /** Checks every method; returns the layer methods (those with a layer annotation), in order. */
    private List<MethodDeclaration> checkMethods(NetworkDeclaration d, Errors errors) {
        List<MethodDeclaration> layers = new ArrayList<>();
        for (MethodDeclaration m : d.methods()) {
            if (m.isStatic()) {
                if (!m.layers().isEmpty() || !m.pins().isEmpty() || !m.skips().isEmpty()) {
                    String annotation = !m.layers().isEmpty() ? m.layers().get(0).kind().annotation()
                            : !m.pins().isEmpty() ? m.pins().get(0).annotation() : "@Skip";
                    errors.add(Message.STATIC_LAYER, m.origin(), m.name(), annotation, m.name());
                }
                continue;
            }
            if (m.layers().isEmpty()) {
                if (m.isAbstract() && !implementedByObject(d, m)) {
                    errors.add(Message.NOT_A_LAYER, m.origin(), m.name(), d.sourceName());
                }
                for (PinDeclaration pin : m.pins()) {
                    errors.add(Message.PIN_WITHOUT_LAYER, pin.origin(), pin.annotation(), m.name());
                }
                for (SkipDeclaration skip : m.skips()) {
                    errors.add(Message.SKIP_WITHOUT_LAYER, skip.origin(), m.name());
                }
                continue;
            }
            layers.add(m);
            if (m.layers().size() > 1) {
                errors.add(Message.TWO_LAYER_ANNOTATIONS, m.layers().get(1).origin(), m.name(),
                        m.layers().get(0).kind().annotation(), m.layers().get(1).kind().annotation());
            }
            if (m.parameterCount() > 0) {
                errors.add(Message.LAYER_PARAMETERS, m.origin(), m.name(), m.parameterCount(), m.name());
            }
            if (!m.returnsLayer()) {
                errors.add(Message.LAYER_RETURN_TYPE, m.origin(), m.name(), m.name());
            }
            if (!m.isAbstract()) {
                errors.add(Message.LAYER_NOT_ABSTRACT, m.origin(), m.name());
            }
            if (m.parameterCount() == 0 && RESERVED_NAMES.contains(m.name())) {
                errors.add(Message.RESERVED_LAYER_NAME, m.origin(), m.name(), m.name());
            }
        }
        return layers;
    }

    private void checkOrder(NetworkDeclaration d, List<MethodDeclaration> layers, Errors errors) {
        String name = d.sourceName();
        checkUnique(d, layers, LayerKind.INPUT, Message.NO_INPUT, Message.SEVERAL_INPUTS, errors);
        checkUnique(d, layers, LayerKind.OUTPUT, Message.NO_OUTPUT, Message.SEVERAL_OUTPUTS, errors);
        for (int i = 0; i < layers.size(); i++) {
            LayerAnnotation a = layers.get(i).layers().get(0);
            if (a.kind() == LayerKind.INPUT && i > 0 && kind(layers.get(i - 1)) != LayerKind.INPUT) {
                errors.add(Message.INPUT_NOT_FIRST, a.origin(), layers.get(i).name(), name, layers.get(0).name());
            }
            if (a.kind() == LayerKind.OUTPUT && i < layers.size() - 1 && kind(layers.get(i + 1)) != LayerKind.OUTPUT) {
                errors.add(Message.OUTPUT_NOT_LAST, a.origin(), layers.get(i).name(), name,
                        layers.get(layers.size() - 1).name());
            }
        }
    }

    private static LayerKind kind(MethodDeclaration m) {
        return m.layers().get(0).kind();
    }

    private void checkUnique(NetworkDeclaration d, List<MethodDeclaration> layers, LayerKind kind, Message none,
            Message several, Errors errors) {
        MethodDeclaration first = null;
        for (MethodDeclaration m : layers) {
            if (kind(m) != kind) {
                continue;
            }
            if (first == null) {
                first = m;
            } else {
                errors.add(several, m.layers().get(0).origin(), d.sourceName(), m.name(), first.name());
            }
        }
        if (first == null && d.inherited().stream().noneMatch(InheritedMethod::layer)) {
            errors.add(none, d.origin(), d.sourceName());
        }
    }

    private void checkLayer(MethodDeclaration m, Errors errors) {
        LayerAnnotation a = m.layers().get(0);
        int width = a.width().value();
        if (width < 1 || width > Architecture.MAX_WIDTH) {
            errors.add(Message.WIDTH_OUT_OF_RANGE, a.width().origin(), a.kind().annotation(), width, m.name(),
                    Architecture.MAX_WIDTH);
        }
        if (a.kind() == LayerKind.DENSE && a.activation().value() == Activation.LEAKY_RELU) {
            double slope = a.slope().value();
            if (!(slope > 0 && slope < 1)) {
                errors.add(Message.LEAKY_SLOPE, a.slope().origin(), m.name(), slope);
            }
        }
        if (a.kind() == LayerKind.OUTPUT && a.head().value() == OutputActivation.SOFTMAX && width == 1) {
            errors.add(Message.SOFTMAX_SINGLE_OUTPUT, a.head().origin(), m.name());
        }
    }

    private void checkPins(List<MethodDeclaration> layers, Errors errors) {
        Set<String> pinned = new HashSet<>();
        for (int l = 0; l < layers.size(); l++) {
            MethodDeclaration m = layers.get(l);
            LayerAnnotation a = m.layers().get(0);
            int width = a.width().value();
            for (PinDeclaration pin : m.pins()) {
                Stalk stalk = pin.stalk().value();
                if (stalk == Stalk.POST && a.kind() == LayerKind.INPUT) {
                    errors.add(Message.POST_ON_INPUT, pin.stalk().origin(), pin.annotation(), m.name());
                }
                if (stalk == Stalk.POST && a.kind() == LayerKind.OUTPUT
                        && a.head().value() == OutputActivation.IDENTITY) {
                    errors.add(Message.POST_ON_IDENTITY_OUTPUT, pin.stalk().origin(), pin.annotation(), m.name());
                }
                if (!Double.isFinite(pin.value().value())) {
                    errors.add(Message.PIN_VALUE_NOT_FINITE, pin.value().origin(), pin.annotation(), m.name(),
                            pin.value().value());
                }
                if (!pin.hard()) {
                    double strength = pin.strength().value();
                    if (!(strength > 0) || Double.isInfinite(strength)) {
                        errors.add(Message.SOFT_PIN_STRENGTH, pin.strength().origin(), m.name(), strength);
                    }
                }
                for (int neuron : neurons(pin, width)) {
                    if (neuron < 0 || neuron >= width) {
                        errors.add(Message.PIN_OUT_OF_RANGE, pin.neurons().origin(), pin.annotation(), m.name(), neuron,
                                width, width - 1);
                    } else if (!pinned.add(m.name() + " " + stalk + " " + neuron)) {
                        errors.add(Message.DUPLICATE_PIN, pin.origin(), pin.annotation(), m.name(),
                                (stalk == Stalk.PRE ? "PRE" : "POST") + " neuron " + neuron);
                    }
                }
            }
        }
    }

    /** Limits that keep the generated code within class-file limits and the arithmetic within {@code int}. */
    private void checkSize(NetworkDeclaration d, List<MethodDeclaration> layers, Errors errors) {
        if (layers.size() > MAX_LAYERS) {
            errors.add(Message.TOO_DEEP, d.origin(), d.sourceName(), layers.size(), MAX_LAYERS);
            return;
        }
        int[] widths = layers.stream().mapToInt(m -> m.layers().get(0).width().value()).toArray();
        Architecture.sizeProblem(widths, SkipRules.resolve(layers)).ifPresent(problem -> errors.add(Message.TOO_LARGE, d.origin(),
                d.sourceName(), problem));
        int annotations = 0;
        int listed = 0;
        for (MethodDeclaration m : layers) {
            annotations += m.pins().size();
            for (PinDeclaration pin : m.pins()) {
                listed += pin.neurons().value().length;
            }
        }
        if (annotations > MAX_PIN_ANNOTATIONS || listed > MAX_LISTED_NEURONS) {
            errors.add(Message.TOO_MANY_PINS, d.origin(), d.sourceName(), annotations, listed, MAX_PIN_ANNOTATIONS,
                    MAX_LISTED_NEURONS);
        }
    }

    private static int[] neurons(PinDeclaration pin, int width) {
        int[] listed = pin.neurons().value();
        if (listed.length > 0) {
            return listed;
        }
        int[] all = new int[Math.max(0, Math.min(width, Architecture.MAX_WIDTH))];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private NetworkSpec spec(NetworkDeclaration d, List<MethodDeclaration> layers) {
        int[] widths = new int[layers.size()];
        double[] slopes = new double[layers.size() - 2];
        OutputActivation head = OutputActivation.IDENTITY;
        List<String> names = new ArrayList<>();
        List<NetworkSpec.PinSpec> pins = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            MethodDeclaration m = layers.get(l);
            LayerAnnotation a = m.layers().get(0);
            names.add(m.name());
            widths[l] = a.width().value();
            if (a.kind() == LayerKind.DENSE && a.activation().value() == Activation.LEAKY_RELU) {
                slopes[l - 1] = a.slope().value();
            }
            if (a.kind() == LayerKind.OUTPUT) {
                head = a.head().value();
            }
            for (PinDeclaration pin : m.pins()) {
                double strength = pin.hard() ? Double.POSITIVE_INFINITY : pin.strength().value();
                pins.add(new NetworkSpec.PinSpec(l, pin.stalk().value(), pin.neurons().value().clone(),
                        pin.value().value(), strength));
            }
        }
        return new NetworkSpec(d.packageName(), d.sourceName(), d.generatedName(),
                d.kind() == DeclarationKind.INTERFACE, d.visibility() == Visibility.PUBLIC,
                new Architecture(widths, slopes, head, SkipRules.resolve(layers)), List.copyOf(names), List.copyOf(pins));
    }

    /** Collects diagnostics in the order found. */
    static final class Errors {
        private final List<Diagnostic> list = new ArrayList<>();

        void add(Message message, Origin origin, Object... args) {
            list.add(new Diagnostic(message, message.format(args), origin));
        }
    }
}
