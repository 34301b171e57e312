package dev.sheaf4j.processor.generate;

import com.palantir.javapoet.MethodSpec;

/**
 * How an unrolled layer method reaches the stalks of its samples: one sample at constant indices,
 * or a loop over the samples of a batch at {@code coordinate * batch + s}. Constant indices let the
 * JIT prove every access in bounds at once, which a loop that runs only once never gives it.
 */
enum Samples {
    /** Exactly one sample: {@code state[k]}, no loop, no {@code batch} parameter. */
    ONE("OneSample"),
    /** Any batch: {@code state[k * batch + s]} inside {@code for (int s = 0; s < batch; s++)}. */
    BATCH("BySample");

    private final String infix;

    Samples(String infix) {
        this.infix = infix;
    }

    /** The method name for primitive {@code primitive} of layer {@code l}, e.g. {@code forcesOneSampleLayer2}. */
    String methodName(String primitive, int l) {
        return primitive + infix + "Layer" + l;
    }

    /** {@code array[k]} or {@code array[k * batch + s]} as source. */
    String at(String array, int coordinate) {
        if (this == ONE) {
            return array + "[" + coordinate + "]";
        }
        return array + "[" + (coordinate == 0 ? "s" : KernelGenerator.offset(coordinate) + " + s") + "]";
    }

    /** Adds the {@code batch} parameter if this access needs it. */
    MethodSpec.Builder batchParameter(MethodSpec.Builder method) {
        return this == ONE ? method : method.addParameter(int.class, "batch");
    }

    /** Opens the loop over the samples, if any. */
    MethodSpec.Builder open(MethodSpec.Builder method) {
        return this == ONE ? method : method.beginControlFlow("for (int s = 0; s < batch; s++)");
    }

    /** Closes the loop that {@link #open} opened. */
    MethodSpec.Builder close(MethodSpec.Builder method) {
        return this == ONE ? method : method.endControlFlow();
    }
}
