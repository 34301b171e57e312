package dev.sheaf4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.AbstractSheafKernel;
import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.OutputMap;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.processor.model.NetworkSpec;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernel class of one network: an {@link AbstractSheafKernel} whose four primitives
 * (forward pass, edge discrepancies, edge forces, weight descent) are specialised to the
 * architecture, one private static method per layer and primitive. A layer with at most
 * {@link #UNROLL_LIMIT} weights and biases is unrolled into straight-line arithmetic on locals, one
 * pass over the samples; a larger one calls the shared {@link LayerLoops} with constant sizes and
 * offsets, which keeps every method well under the JIT's 8,000-byte limit. From
 * {@link #LOOP_BATCH} samples on, discrepancies and forces of unrolled layers run the shared loops
 * too, since those vectorise over the samples.
 */
public final class KernelGenerator {
    /** The largest {@code n_l * (n_(l-1) + 1)} of a layer whose code is unrolled. */
    public static final int UNROLL_LIMIT = 128;

    /**
     * The batch size from which edge discrepancies and forces run the shared loops even for unrolled
     * layers: their innermost loops over the samples vectorise, while the unrolled code, which walks
     * every stalk of one sample at a time, stops fitting the caches.
     */
    public static final int LOOP_BATCH = 64;

    private static final TypeName DOUBLES = TypeName.get(double[].class);
    private static final ClassName LOOPS = ClassName.get(LayerLoops.class);

    private final NetworkSpec spec;
    private final Architecture arch;
    private final SheafLayout layout;
    private final int inputs;

    /** A generator for {@code spec}'s kernel. */
    public KernelGenerator(NetworkSpec spec) {
        this.spec = spec;
        this.arch = spec.architecture();
        this.layout = new SheafLayout(arch);
        this.inputs = arch.inputs();
    }

    /** Whether layer {@code l}'s code is unrolled. */
    public static boolean unrolled(Architecture arch, int l) {
        return (long) arch.width(l) * (arch.width(l - 1) + 1) <= UNROLL_LIMIT;
    }

    /** The kernel class. */
    public TypeSpec generate(ClassName modelClass) {
        TypeSpec.Builder type = TypeSpec.classBuilder(spec.kernelName())
                .addModifiers(Modifier.FINAL)
                .superclass(AbstractSheafKernel.class)
                .addAnnotation(Generation.generatedAnnotation())
                .addJavadoc("The sheaf kernel of {@link $L}, architecture $L, specialised by the sheaf4j annotation\n"
                        + "processor: layers of at most $L weights are unrolled, larger ones run the shared loops.\n"
                        + "Generated code; do not edit.\n", spec.declarationName(), arch, UNROLL_LIMIT)
                .addMethod(MethodSpec.constructorBuilder()
                        .addStatement("super(new $T($T.ARCHITECTURE))", SheafLayout.class, modelClass)
                        .build());
        MethodSpec.Builder forward = override("forward", false).addParameter(DOUBLES, "params")
                .addParameter(DOUBLES, "state").addParameter(int.class, "batch");
        MethodSpec.Builder discrepancies = override("linearDiscrepancies", true).addParameter(DOUBLES, "params")
                .addParameter(DOUBLES, "state").addParameter(int.class, "batch").addParameter(DOUBLES, "out");
        MethodSpec.Builder forces = override("linearForces", true).addParameter(DOUBLES, "params")
                .addParameter(DOUBLES, "state").addParameter(int.class, "batch").addParameter(DOUBLES, "d")
                .addParameter(DOUBLES, "out");
        MethodSpec.Builder descend = override("descendWeights", true).addParameter(DOUBLES, "params")
                .addParameter(DOUBLES, "state").addParameter(int.class, "batch").addParameter(DOUBLES, "d")
                .addParameter(double.class, "betaDt");
        List<MethodSpec> layerMethods = new ArrayList<>();
        CodeBlock.Builder discrepanciesBySample = CodeBlock.builder();
        CodeBlock.Builder discrepanciesLooped = CodeBlock.builder();
        CodeBlock.Builder forcesBySample = CodeBlock.builder();
        CodeBlock.Builder forcesLooped = CodeBlock.builder();
        boolean anyUnrolled = false;
        for (int l = 1; l <= arch.layers(); l++) {
            MethodSpec f = forwardLayer(l);
            MethodSpec w = descendLayer(l);
            forward.addStatement("$N(params, state, batch)", f);
            descend.addStatement("$N(params, state, batch, d, betaDt)", w);
            MethodSpec rLooped = discrepanciesLooped(l);
            MethodSpec gLooped = forcesLooped(l);
            MethodSpec rSample = unrolled(arch, l) ? discrepanciesBySample(l) : rLooped;
            MethodSpec gSample = unrolled(arch, l) ? forcesBySample(l) : gLooped;
            anyUnrolled |= unrolled(arch, l);
            layerMethods.addAll(unrolled(arch, l) ? List.of(f, rSample, rLooped, gSample, gLooped, w)
                    : List.of(f, rLooped, gLooped, w));
            discrepanciesBySample.addStatement("$N(params, state, batch, out)", rSample);
            discrepanciesLooped.addStatement("$N(params, state, batch, out)", rLooped);
            forcesBySample.addStatement("$N(params, state, batch, d, out)", gSample);
            forcesLooped.addStatement("$N(params, state, batch, d, out)", gLooped);
        }
        if (anyUnrolled) {
            discrepancies.beginControlFlow("if (batch < $L)", LOOP_BATCH).addCode(discrepanciesBySample.build())
                    .nextControlFlow("else").addCode(discrepanciesLooped.build()).endControlFlow();
            forces.beginControlFlow("if (batch < $L)", LOOP_BATCH).addCode(forcesBySample.build())
                    .nextControlFlow("else").addCode(forcesLooped.build()).endControlFlow();
        } else {
            discrepancies.addCode(discrepanciesLooped.build());
            forces.addCode(forcesLooped.build());
        }
        if (arch.hasOutputVertex()) {
            forward.addStatement("$T.apply($T.$L, state, $L, state, $L, $L, batch)", OutputMap.class,
                    OutputActivation.class, arch.head().name(), offset(layout.preOffset(arch.layers())),
                    offset(layout.outputVertexOffset()), arch.outputs());
        }
        return type.addMethod(forward.build()).addMethod(discrepancies.build()).addMethod(forces.build())
                .addMethod(descend.build()).addMethods(layerMethods).build();
    }

    private static MethodSpec.Builder override(String name, boolean isProtected) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
                .addModifiers(isProtected ? Modifier.PROTECTED : Modifier.PUBLIC);
    }

    private static MethodSpec.Builder layerMethod(String name, int l) {
        return MethodSpec.methodBuilder(name + l).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
    }

    /** {@code K * batch} as source: {@code 0}, {@code batch}, or {@code 7 * batch}. */
    private static String offset(int coordinate) {
        return coordinate == 0 ? "0" : coordinate == 1 ? "batch" : coordinate + " * batch";
    }

    /** {@code array[K * batch + s]} as source. */
    private static String at(String array, int coordinate) {
        return array + "[" + (coordinate == 0 ? "s" : offset(coordinate) + " + s") + "]";
    }

    private String inputName(int l) {
        return l == 1 ? "x" : "a";
    }

    private int in(int l) {
        return layout.postOffset(l - 1);
    }

    /** The masked value of a local {@code name} for hidden layer {@code l}: {@code name >= 0 ? name : slope * name}. */
    private String activation(int l, String name) {
        double slope = arch.slope(l);
        return name + " >= 0 ? " + name + " : " + (slope == 0 ? "0.0" : slope + " * " + name);
    }

    /** {@code b_i + W_i0 in0 + W_i1 in1 + ...} over locals named {@code prefix0, prefix1, ...}. */
    private String affineRow(int l, int i, String prefix) {
        int cols = arch.width(l - 1);
        StringBuilder s = new StringBuilder("params[" + (arch.biasOffset(l) + i) + "]");
        for (int j = 0; j < cols; j++) {
            s.append(" + params[").append(arch.weightOffset(l) + i * cols + j).append("] * ").append(prefix).append(j);
        }
        return s.toString();
    }

    private CodeBlock loadInputs(int l) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int j = 0; j < arch.width(l - 1); j++) {
            code.addStatement("double $L$L = $L", inputName(l), j, at("state", in(l) + j));
        }
        return code.build();
    }

    private MethodSpec forwardLayer(int l) {
        boolean hidden = l < arch.layers();
        int n = arch.width(l);
        int z = layout.preOffset(l);
        MethodSpec.Builder m = layerMethod("forwardLayer", l)
                .addJavadoc("$L = W_$L $L + b_$L$L.\n", "z_" + l, l, l == 1 ? "x" : "a_" + (l - 1), l,
                        hidden ? " and a_" + l + " = " + (arch.slope(l) == 0 ? "relu" : "leaky relu") + "(z_" + l + ")" : "")
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch");
        if (!unrolled(arch, l)) {
            m.addStatement("$T.affine(params, $L, $L, $L, $L, state, $L, state, $L, batch)", LOOPS,
                    arch.weightOffset(l), arch.biasOffset(l), n, arch.width(l - 1), offset(in(l)), offset(z));
            if (hidden) {
                m.addStatement("$T.activate(state, $L, $L, $L * batch, $L)", LOOPS, offset(z),
                        offset(layout.postOffset(l)), n, arch.slope(l));
            }
            return m.build();
        }
        m.beginControlFlow("for (int s = 0; s < batch; s++)").addCode(loadInputs(l));
        for (int i = 0; i < n; i++) {
            m.addStatement("double z$L = $L", i, affineRow(l, i, inputName(l)));
        }
        for (int i = 0; i < n; i++) {
            m.addStatement("$L = z$L", at("state", z + i), i);
        }
        if (hidden) {
            for (int i = 0; i < n; i++) {
                m.addStatement("$L = $L", at("state", layout.postOffset(l) + i), activation(l, "z" + i));
            }
        }
        return m.endControlFlow().build();
    }

    private MethodSpec discrepanciesLooped(int l) {
        boolean hidden = l < arch.layers();
        int n = arch.width(l);
        int z = layout.preOffset(l);
        MethodSpec.Builder m = layerMethod("discrepanciesLoopedLayer", l)
                .addJavadoc("r_$L$L, by the shared loops.\n", l, hidden ? " and s_" + l : "")
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch")
                .addParameter(DOUBLES, "out");
        m.addStatement("$T.residual(params, $L, $L, $L, $L, state, $L, $L, out, $L, batch)", LOOPS,
                arch.weightOffset(l), arch.biasOffset(l), n, arch.width(l - 1), offset(in(l)), offset(z),
                offset(z - inputs));
        if (hidden) {
            int a = layout.postOffset(l);
            m.addStatement("$T.activationResidual(state, $L, $L, out, $L, $L * batch, $L)", LOOPS, offset(z),
                    offset(a), offset(a - inputs), n, arch.slope(l));
        }
        return m.build();
    }

    private MethodSpec discrepanciesBySample(int l) {
        boolean hidden = l < arch.layers();
        int n = arch.width(l);
        int z = layout.preOffset(l);
        MethodSpec.Builder m = layerMethod("discrepanciesBySampleLayer", l)
                .addJavadoc("r_$L = W_$L $L + b_$L - z_$L$L.\n", l, l, l == 1 ? "x" : "a_" + (l - 1), l, l,
                        hidden ? " and s_" + l + " = m_" + l + " z_" + l + " - a_" + l : "")
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch")
                .addParameter(DOUBLES, "out");
        m.beginControlFlow("for (int s = 0; s < batch; s++)").addCode(loadInputs(l));
        for (int i = 0; i < n; i++) {
            m.addStatement("double z$L = $L", i, at("state", z + i));
        }
        for (int i = 0; i < n; i++) {
            m.addStatement("$L = $L - z$L", at("out", z - inputs + i), affineRow(l, i, inputName(l)), i);
        }
        if (hidden) {
            int a = layout.postOffset(l);
            for (int i = 0; i < n; i++) {
                m.addStatement("$L = ($L) - $L", at("out", a - inputs + i), activation(l, "z" + i), at("state", a + i));
            }
        }
        return m.endControlFlow().build();
    }

    private MethodSpec forcesLooped(int l) {
        boolean hidden = l < arch.layers();
        int n = arch.width(l);
        int cols = arch.width(l - 1);
        int z = layout.preOffset(l);
        int r = z - inputs;
        MethodSpec.Builder m = layerMethod("forcesLoopedLayer", l)
                .addJavadoc("Forces on z_$L and on $L, by the shared loops.\n", l, l == 1 ? "x" : "a_" + (l - 1))
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch")
                .addParameter(DOUBLES, "d").addParameter(DOUBLES, "out");
        if (hidden) {
            int a = layout.postOffset(l);
            m.addStatement("$T.activationForces(state, $L, $L, d, $L, $L, out, $L * batch, $L)", LOOPS, offset(z),
                    offset(a), offset(r), offset(a - inputs), n, arch.slope(l));
        } else {
            m.addStatement("$T.arraycopy(d, $L, out, $L, $L * batch)", System.class, offset(r), offset(z), n);
        }
        if (l == 1) {
            m.addStatement("$T.fill(out, 0, $L * batch, 0.0)", Arrays.class, cols);
        } else {
            m.addStatement("$T.arraycopy(d, $L, out, $L, $L * batch)", System.class, offset(in(l) - inputs),
                    offset(in(l)), cols);
        }
        m.addStatement("$T.pullBack(params, $L, $L, $L, d, $L, out, $L, batch)", LOOPS, arch.weightOffset(l), n,
                cols, offset(r), offset(in(l)));
        return m.build();
    }

    private MethodSpec forcesBySample(int l) {
        boolean hidden = l < arch.layers();
        int n = arch.width(l);
        int cols = arch.width(l - 1);
        int z = layout.preOffset(l);
        int r = z - inputs;
        String input = l == 1 ? "x" : "a_" + (l - 1);
        MethodSpec.Builder m = layerMethod("forcesBySampleLayer", l)
                .addJavadoc("Forces on z_$L ($L) and on $L ($L).\n", l, hidden ? "r_" + l + " - m_" + l + " s_" + l
                        : "r_" + l, input, (l == 1 ? "" : "s_" + (l - 1) + " ") + "- W_" + l + "^T r_" + l)
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch")
                .addParameter(DOUBLES, "d").addParameter(DOUBLES, "out");
        m.beginControlFlow("for (int s = 0; s < batch; s++)");
        for (int i = 0; i < n; i++) {
            m.addStatement("double r$L = $L", i, at("d", r + i));
        }
        for (int i = 0; i < n; i++) {
            if (hidden) {
                int sd = layout.postOffset(l) - inputs + i;
                double slope = arch.slope(l);
                m.addStatement("$L = $L >= 0 ? r$L - $L : r$L$L", at("out", z + i), at("state", z + i), i, at("d", sd),
                        i, slope == 0 ? "" : " - " + slope + " * " + at("d", sd));
            } else {
                m.addStatement("$L = r$L", at("out", z + i), i);
            }
        }
        for (int j = 0; j < cols; j++) {
            StringBuilder pull = new StringBuilder(l == 1 ? "" : at("d", in(l) - inputs + j));
            for (int i = 0; i < n; i++) {
                pull.append(pull.length() == 0 ? "-" : " - ").append("params[")
                        .append(arch.weightOffset(l) + i * cols + j).append("] * r").append(i);
            }
            m.addStatement("$L = $L", at("out", in(l) + j), pull);
        }
        return m.endControlFlow().build();
    }

    private MethodSpec descendLayer(int l) {
        int n = arch.width(l);
        int cols = arch.width(l - 1);
        int r = layout.preOffset(l) - inputs;
        MethodSpec.Builder m = layerMethod("descendLayer", l)
                .addJavadoc("W_$L -= betaDt sum_s r_$L $L^T and b_$L -= betaDt sum_s r_$L.\n", l, l,
                        l == 1 ? "x" : "a_" + (l - 1), l, l)
                .addParameter(DOUBLES, "params").addParameter(DOUBLES, "state").addParameter(int.class, "batch")
                .addParameter(DOUBLES, "d").addParameter(double.class, "betaDt");
        if (!unrolled(arch, l)) {
            m.addStatement("$T.descend(params, $L, $L, $L, $L, d, $L, state, $L, batch, betaDt)", LOOPS,
                    arch.weightOffset(l), arch.biasOffset(l), n, cols, offset(r), offset(in(l)));
            return m.build();
        }
        for (int i = 0; i < n; i++) {
            m.addCode("// row $L of W_$L and b_$L\n{\n$>", i, l, l);
            StringBuilder sums = new StringBuilder("double bias = 0");
            for (int j = 0; j < cols; j++) {
                sums.append(", w").append(j).append(" = 0");
            }
            m.addStatement(sums.toString());
            m.beginControlFlow("for (int s = 0; s < batch; s++)");
            m.addStatement("double r = $L", at("d", r + i));
            m.addStatement("bias += r");
            for (int j = 0; j < cols; j++) {
                m.addStatement("w$L += r * $L", j, at("state", in(l) + j));
            }
            m.endControlFlow();
            for (int j = 0; j < cols; j++) {
                m.addStatement("params[$L] -= betaDt * w$L", arch.weightOffset(l) + i * cols + j, j);
            }
            m.addStatement("params[$L] -= betaDt * bias", arch.biasOffset(l) + i);
            m.addCode("$<}\n");
        }
        return m.build();
    }
}
