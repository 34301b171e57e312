package dev.sheaf4j.processor.model;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.sheaf.Coordinate;
import java.util.List;

/**
 * A validated network declaration, ready for generation: what to generate, the architecture, the
 * layer methods in order and the declared pins expanded to single coordinates.
 *
 * @param packageName the package of both the declaration and the generated classes
 * @param declarationName the declaration's name as source refers to it, e.g. {@code Outer.Inner}
 * @param generatedName the simple name of the generated model class
 * @param isInterface whether the generated class implements (rather than extends) the declaration
 * @param isPublic whether the generated classes are public
 * @param architecture widths, hidden slopes and output map
 * @param layerMethods the layer methods' names, input first
 * @param pins the declared pins, one per coordinate
 */
public record NetworkSpec(String packageName, String declarationName, String generatedName, boolean isInterface,
        boolean isPublic, Architecture architecture, List<String> layerMethods, List<PinSpec> pins) {

    /** One declared pin on one coordinate; {@code strength} is infinite for a hard pin. */
    public record PinSpec(Coordinate coordinate, double value, double strength) {
        /** Whether this is a hard pin. */
        public boolean hard() {
            return Double.isInfinite(strength);
        }
    }

    /** The simple name of the generated kernel class. */
    public String kernelName() {
        return generatedName + "Kernel";
    }
}
