package dev.sheaf4j.processor.validate;

import java.util.Locale;

/**
 * The catalogue of everything the processor reports. Each message has a stable tag, printed as
 * {@code [sheaf4j:Tag]} at the start of the text, quotes the user's names and says how to fix the
 * problem. Tags never change meaning; tests and users may match on them.
 */
public enum Message {
    NOT_SHEAF_MODEL("NotSheafModel", "@SheafNetwork type '%s' must extend dev.sheaf4j.SheafModel; declare it as "
            + "'interface %s extends SheafModel'"),
    NOT_ABSTRACT("NotAbstract", "@SheafNetwork type '%s' must be an interface or an abstract class, so that sheaf4j "
            + "can generate its implementation"),
    PRIVATE_TYPE("PrivateType", "@SheafNetwork type '%s' is %s; make it public or package-private so that the "
            + "generated class can implement it"),
    GENERIC_TYPE("GenericType", "@SheafNetwork type '%s' declares type parameters; a network's shape is fixed, "
            + "remove them"),
    INNER_CLASS("InnerClass", "@SheafNetwork class '%s' is an inner class; make it static"),
    NO_CONSTRUCTOR("NoConstructor", "@SheafNetwork class '%s' has no non-private constructor without parameters; "
            + "add one"),
    INVALID_NAME("InvalidName", "@SheafNetwork(name = \"%s\") is not a valid Java class name; use a simple "
            + "identifier such as \"MyNetworkSheaf\""),
    NAME_CLASH("NameClash", "cannot generate '%s' for network '%s': a type of that name already exists; rename it or "
            + "set @SheafNetwork(name = \"...\")"),
    HIDING_NAME("HidingName", "cannot generate '%s' for network '%s': a class of that name in package '%s' would "
            + "hide %s from its files (java.lang, or a wildcard import); set another @SheafNetwork(name = \"...\")"),
    PRIVATE_ENCLOSING_TYPE("PrivateEnclosingType", "@SheafNetwork type '%s' is nested in private type '%s', "
            + "which the generated class cannot reach; make '%s' package-private or public"),
    SEALED_TYPE("SealedType", "@SheafNetwork type '%s' is sealed, so the generated class may not extend or "
            + "implement it; remove 'sealed'"),
    CONSTRUCTOR_THROWS("ConstructorThrows", "the constructor of @SheafNetwork class '%s' throws checked exception "
            + "'%s', which the generated class cannot handle; remove it from the throws clause"),
    FINAL_METHOD("FinalMethod", "method '%s()' of network '%s' is final, but the generated class implements it; "
            + "remove 'final'"),
    INHERITED_ABSTRACT("InheritedAbstract", "network '%s' inherits abstract method '%s()' from '%s', which is not a "
            + "layer and which the generated class cannot implement; give it a body in '%s'"),
    INHERITED_LAYER("InheritedLayer", "layer method '%s()' of network '%s' is declared in its super-type '%s'; "
            + "declare every layer method in '%s' itself, where their order is the order of the layers"),
    LOCAL_NETWORK("LocalNetwork", "@SheafNetwork type '%s' is declared inside a method or initialiser, where the "
            + "generated top-level class cannot reach it; declare it at the top level or as a static member type"),
    UNRESOLVED("Unresolved", "network '%s' refers to a type or constant that cannot be resolved (see javac's other "
            + "errors); sheaf4j generated nothing for it"),
    NO_INPUT("NoInput", "network '%s' declares no @Input layer; add 'Layer x();' annotated @Input(n) as its first "
            + "layer method"),
    SEVERAL_INPUTS("SeveralInputs", "network '%s' declares a second @Input layer on '%s()' (the first is '%s()'); "
            + "a network has exactly one input: use @Dense for hidden layers"),
    INPUT_NOT_FIRST("InputNotFirst", "@Input layer '%s()' of network '%s' comes after '%s()'; declare the input "
            + "layer first"),
    NO_OUTPUT("NoOutput", "network '%s' declares no @Output layer; add a last layer method annotated @Output(n)"),
    SEVERAL_OUTPUTS("SeveralOutputs", "network '%s' declares a second @Output layer on '%s()' (the first is '%s()');"
            + " a network has exactly one output: use @Dense for hidden layers"),
    OUTPUT_NOT_LAST("OutputNotLast", "@Output layer '%s()' of network '%s' comes before '%s()'; declare the output "
            + "layer last"),
    TOO_DEEP("TooDeep", "network '%s' declares %d layers; sheaf4j generates at most %d, so that every generated "
            + "method stays within the JVM's limits"),
    TOO_LARGE("TooLarge", "network '%s' is too large: %s"),
    TOO_MANY_PINS("TooManyPins", "network '%s' declares %d pin annotations listing %d neurons; sheaf4j generates at "
            + "most %d annotations listing at most %d neurons, so that the generated initialiser fits a class file: pin"
            + " whole layers (omit 'neuron') or add pins at run time with Pins.builder()"),
    WIDTH_OUT_OF_RANGE("WidthOutOfRange", "%s width %d of layer '%s()' is out of range; use a width from 1 to %d"),
    LAYER_PARAMETERS("LayerParameters", "layer method '%s()' takes %d parameter(s); layer methods take none: "
            + "declare it as 'Layer %s();'"),
    LAYER_RETURN_TYPE("LayerReturnType", "layer method '%s()' must return dev.sheaf4j.Layer; declare it as "
            + "'Layer %s();'"),
    LAYER_NOT_ABSTRACT("LayerNotAbstract", "layer method '%s()' has a body; layer methods are abstract, the "
            + "generated class implements them"),
    STATIC_LAYER("StaticLayer", "method '%s()' carries %s but is static; layer methods are abstract instance "
            + "methods: declare it as 'Layer %s();'"),
    RESERVED_LAYER_NAME("ReservedLayerName", "layer method '%s()' has the name of a method of SheafModel or "
            + "java.lang.Object; rename it, e.g. '%sLayer()'"),
    TWO_LAYER_ANNOTATIONS("TwoLayerAnnotations", "method '%s()' carries both %s and %s; keep one layer annotation "
            + "per method"),
    NOT_A_LAYER("NotALayer", "abstract method '%s()' of network '%s' has no layer annotation; annotate it with "
            + "@Input, @Dense or @Output, or give it a body"),
    PIN_WITHOUT_LAYER("PinWithoutLayer", "%s on '%s()' needs a layer: annotate the method with @Input, @Dense or "
            + "@Output"),
    PIN_OUT_OF_RANGE("PinOutOfRange", "%s on '%s()' names neuron %d, but the layer has %d neurons (0 to %d); "
            + "use an index in range"),
    POST_ON_INPUT("PostOnInput", "%s on input layer '%s()' uses Stalk.POST, but the input has a single stalk x; "
            + "use Stalk.PRE"),
    POST_ON_IDENTITY_OUTPUT("PostOnIdentityOutput", "%s on output layer '%s()' uses Stalk.POST, but an identity "
            + "output has no a_out stalk; use Stalk.PRE, or a SIGMOID or SOFTMAX output"),
    SOFT_PIN_STRENGTH("SoftPinStrength", "@SoftPin on '%s()' has strength %s; the strength must be finite and "
            + "positive (use @Pin for an exact constraint)"),
    PIN_VALUE_NOT_FINITE("PinValueNotFinite", "%s on '%s()' has value %s; pin values must be finite numbers"),
    DUPLICATE_PIN("DuplicatePin", "%s on '%s()' pins %s, which an earlier pin already pins; keep one pin per "
            + "coordinate"),
    SOFTMAX_SINGLE_OUTPUT("SoftmaxSingleOutput", "output layer '%s()' has a SOFTMAX over a single output, which is "
            + "always 1; use SIGMOID for one binary output, or declare at least 2 outputs"),
    LEAKY_SLOPE("LeakySlope", "@Dense layer '%s()' is LEAKY_RELU with slope %s; the slope must lie strictly between "
            + "0 and 1"),
    SKIP_WITHOUT_LAYER("SkipWithoutLayer", "@Skip on '%s()' needs a layer to add to: annotate the method with @Dense or"
            + " @Output"),
    SKIP_INTO_INPUT("SkipIntoInput", "@Skip(from = \"%s\") on input layer '%s()': the input has no pre-activation to "
            + "add to; put the @Skip on the @Dense or @Output layer that receives it"),
    UNKNOWN_SKIP_SOURCE("UnknownSkipSource", "@Skip(from = \"%s\") on '%s()' names no layer method of network '%s'; "
            + "name the input or an earlier @Dense layer: %s"),
    SKIP_FROM_OUTPUT("SkipFromOutput", "@Skip(from = \"%s\") on '%s()' comes from the output layer, whose activation "
            + "feeds no later layer; skip from the input or a @Dense layer"),
    SKIP_NOT_EARLIER("SkipNotEarlier", "@Skip(from = \"%s\") on '%s()' comes from %s; a skip carries an earlier "
            + "layer's activation forward: skip from a layer declared before '%s()'"),
    SKIP_WIDTHS("SkipWidths", "identity @Skip(from = \"%s\") on '%s()' adds %d neurons to %d; an identity skip needs "
            + "equal widths: write @Skip(from = \"%s\", projection = true) for a learned projection"),
    DUPLICATE_SKIP("DuplicateSkip", "@Skip(from = \"%s\") on '%s()' repeats an earlier skip from '%s()' into this "
            + "layer; keep one"),
    PROCESSOR_FAILURE("ProcessorFailure", "sheaf4j could not process network '%s' (%s); please report this with the"
            + " declaration");

    private final String tag;
    private final String template;

    Message(String tag, String template) {
        this.tag = tag;
        this.template = template;
    }

    /** The stable tag, e.g. {@code PinOutOfRange}. */
    public String tag() {
        return tag;
    }

    /** The full text: {@code [sheaf4j:Tag]} followed by the template filled with {@code args}. */
    public String format(Object... args) {
        return "[sheaf4j:" + tag + "] " + String.format(Locale.ROOT, template, args);
    }
}
