package dev.sheaf4j.processor.model;

import dev.sheaf4j.annotation.Stalk;
import dev.sheaf4j.network.Architecture;
import java.util.List;

/**
 * A validated network declaration, ready for generation: what to generate, the architecture, the
 * layer methods in order and the declared pins.
 *
 * @param packageName the package of both the declaration and the generated classes
 * @param declarationName the declaration's name as source refers to it, e.g. {@code Outer.Inner}
 * @param generatedName the simple name of the generated model class
 * @param isInterface whether the generated class implements (rather than extends) the declaration
 * @param isPublic whether the generated classes are public
 * @param architecture widths, hidden slopes and output map
 * @param layerMethods the layer methods' names, input first
 * @param pins the declared pins, one per annotation, in declaration order
 */
public record NetworkSpec(String packageName, String declarationName, String generatedName, boolean isInterface,
        boolean isPublic, Architecture architecture, List<String> layerMethods, List<PinSpec> pins) {

    /**
     * One declared pin annotation: layer {@code layer}'s {@code stalk} at the listed neurons (all of
     * them when {@code neurons} is empty), held at {@code value}; {@code strength} is infinite for a
     * hard pin.
     */
    public record PinSpec(int layer, Stalk stalk, int[] neurons, double value, double strength) {
        /** Whether this is a hard pin. */
        public boolean hard() {
            return Double.isInfinite(strength);
        }

        /** Whether it pins every neuron of its layer. */
        public boolean wholeLayer() {
            return neurons.length == 0;
        }
    }

    /** The simple name of the generated kernel class. */
    public String kernelName() {
        return generatedName + "Kernel";
    }
}
