package dev.sheaf4j.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sheaf4j.annotation.OutputActivation;
import dev.sheaf4j.kernel.AbstractSheafKernel;
import dev.sheaf4j.kernel.HiddenActivation;
import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.LayerSpan;
import dev.sheaf4j.kernel.OutputMap;
import dev.sheaf4j.kernel.Routing;
import dev.sheaf4j.kernel.Routing.LayerCode;
import dev.sheaf4j.kernel.Routing.PassRoute;
import dev.sheaf4j.kernel.SkipSpan;
import dev.sheaf4j.kernel.Tile;
import dev.sheaf4j.kernel.TileLoops;
import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.processor.model.NetworkSpec;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * Writes the kernel class of one network: an {@link AbstractSheafKernel} whose four primitives
 * (forward pass, edge discrepancies, edge forces, weight descent) are specialised to the
 * architecture, private static methods per layer and primitive. Which code each layer gets, and
 * which of it runs for a batch, is the {@link Routing} table's: an unrolled layer is straight-line
 * arithmetic on locals, for a single sample at constant indices and, if small enough, as one pass
 * over the samples of a small batch; a looped layer calls the shared {@link LayerLoops} with
 * constant sizes and offsets, which keeps every method well under the JIT's 8,000-byte limit. The
 * tile primitives, which the steps on large batches run, call the shared {@link TileLoops} per layer
 * with constant sizes and offsets.
 *
 * <p>A skip connection is coded with the layer that receives it, in that layer's code
 * ({@link SkipCode}): its term {@code P a_from} joins the layer's affine map in the forward pass and
 * the discrepancy, its pull {@code -P^T r_to} on {@code a_from} follows the layer's own pull-back,
 * and its projection descends after the layer's weights. A residual network steps on the flat
 * arrays only ({@link Routing#step}), so its kernel has no tile primitives of its own.
 */
public final class KernelGenerator {
    private static final TypeName DOUBLES = TypeName.get(double[].class);
    private static final ClassName LOOPS = ClassName.get(LayerLoops.class);
    private static final ClassName TILE_LOOPS = ClassName.get(TileLoops.class);

    private final NetworkSpec spec;
    private final Architecture arch;
    private final SheafLayout layout;
    private final List<LayerSpan> spans;
    private final List<SkipSpan> skipSpans;

    /** A generator for {@code spec}'s kernel. */
    public KernelGenerator(NetworkSpec spec) {
        this.spec = spec;
        this.arch = spec.architecture();
        this.layout = new SheafLayout(arch);
        this.spans = LayerSpan.of(layout);
        this.skipSpans = SkipSpan.of(layout);
    }

    /** The kernel class. */
    public TypeSpec generate(ClassName modelClass) {
        TypeSpec.Builder type = TypeSpec.classBuilder(spec.kernelName())
                .addModifiers(Modifier.FINAL)
                .superclass(AbstractSheafKernel.class)
                .addAnnotation(Generation.generatedAnnotation())
                .addJavadoc("The sheaf kernel of {@link $L}, architecture $L, specialised by the sheaf4j annotation\n"
                        + "processor: layers of at most $L weights are unrolled, larger ones run the shared loops.\n"
                        + (arch.residual() ? "Each skip is coded with the layer it feeds; a residual network steps on "
                        + "the flat arrays,\nso the kernel has no tile primitives.\n" : "")
                        + "Generated code; do not edit.\n", spec.declarationName(), arch, Routing.UNROLL_LIMIT)
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
        forward.addCode(dispatch("$N(params, state, batch)", this::forwardLooped, this::forwardUnrolled, layerMethods));
        discrepancies.addCode(dispatch("$N(params, state, batch, out)", this::discrepanciesLooped,
                this::discrepanciesUnrolled, layerMethods));
        forces.addCode(dispatch("$N(params, state, batch, d, out)", this::forcesLooped, this::forcesUnrolled,
                layerMethods));
        descend.addCode(dispatch("$N(params, state, batch, d, betaDt)", this::descendLooped, this::descendUnrolled,
                layerMethods));
        if (arch.hasOutputVertex()) {
            forward.addStatement("$T.apply($T.$L, state, $L, state, $L, $L, batch)", OutputMap.class,
                    OutputActivation.class, arch.head().name(), offset(layout.preOffset(arch.layers())),
                    offset(layout.outputVertexOffset()), arch.outputs());
        }
        type.addMethod(forward.build()).addMethod(discrepancies.build()).addMethod(forces.build())
                .addMethod(descend.build()).addMethods(layerMethods);
        // the tile primitives do not carry skips, and Routing.step never tiles a residual network's steps
        if (!arch.residual()) {
            type.addMethod(tileEdges()).addMethod(tileGradient());
        }
        return type.build();
    }

    /** The edges of every layer on a tile: the shared tile loops, with each layer's sizes and offsets. */
    private MethodSpec tileEdges() {
        MethodSpec.Builder m = override("tileEdges", true).addParameter(DOUBLES, "params")
                .addParameter(Tile.class, "tile").addParameter(boolean.class, "inputForces")
                .addStatement("int width = tile.width()")
                .addStatement("double[][] state = tile.state()")
                .addStatement("double[][] d = tile.discrepancy()")
                .addStatement("double[][] force = tile.force()");
        for (LayerSpan l : spans) {
            m.addCode("// layer $L: r_$L$L, forces on z_$L and on its input\n", l.layer(), l.layer(),
                    l.hidden() ? " and s_" + l.layer() : "", l.layer());
            m.addStatement("$T.residual(params, $L, $L, $L, $L, state, $L, state, $L, d, $L, width)", TILE_LOOPS,
                    l.weights(), l.biases(), l.rows(), l.cols(), l.input(), l.pre(), l.residual());
            if (l.hidden()) {
                m.addStatement("$T.activationEdges(state, $L, $L, d, $L, $L, force, $L, $L, width)", TILE_LOOPS,
                        l.pre(), l.post(), l.residual(), l.activationResidual(), l.rows(), l.slope());
            } else {
                m.addStatement("$T.copyRows(d, $L, force, $L, $L, width)", TILE_LOOPS, l.residual(), l.pre(),
                        l.rows());
            }
            if (l.layer() == 1) {
                m.beginControlFlow("if (inputForces)")
                        .addStatement("$T.clearRows(force, 0, $L, width)", TILE_LOOPS, arch.inputs());
            }
            m.addStatement("$T.pullBack(params, $L, $L, $L, d, $L, force, $L, width)", TILE_LOOPS, l.weights(),
                    l.rows(), l.cols(), l.residual(), l.input());
            if (l.layer() == 1) {
                m.endControlFlow();
            }
        }
        return m.build();
    }

    /** The weight gradient of every layer on a tile: the shared tile loop, with each layer's sizes and offsets. */
    private MethodSpec tileGradient() {
        MethodSpec.Builder m = override("tileGradient", true).addParameter(double[][].class, "gradient")
                .addParameter(Tile.class, "tile");
        for (LayerSpan l : spans) {
            m.addStatement("$T.addGradient(gradient, $L, $L, tile.discrepancy(), $L, tile.state(), $L, tile)",
                    TILE_LOOPS, l.rows(), l.cols(), l.residual(), l.input());
        }
        return m.build();
    }

    /**
     * The body of a primitive: a branch per {@link Routing#pass} route (compared, not switched on, so
     * that no synthetic switch-map class is generated) with one call per layer in each, to the layer's
     * one-sample method for a single sample (if the layer is unrolled), to its by-sample method for a
     * small batch (if the layer has one) and to its looped method otherwise; a single list of calls when no layer is unrolled. Every method the body calls
     * is added to {@code methods}, each once.
     *
     * @param call the call as a format with {@code $N} for the method and a {@code batch} argument
     */
    private CodeBlock dispatch(String call, IntFunction<MethodSpec> looped,
            BiFunction<Integer, Samples, MethodSpec> unrolled, List<MethodSpec> methods) {
        CodeBlock.Builder oneSample = CodeBlock.builder();
        CodeBlock.Builder bySample = CodeBlock.builder();
        CodeBlock.Builder loopedOnly = CodeBlock.builder();
        boolean anyUnrolled = false;
        for (int l = 1; l <= arch.layers(); l++) {
            MethodSpec loops = looped.apply(l);
            LayerCode code = Routing.layerCode(span(l), skips(l).spans());
            if (code == LayerCode.LOOPED) {
                oneSample.addStatement(call, loops);
            } else {
                anyUnrolled = true;
                MethodSpec one = unrolled.apply(l, Samples.ONE);
                methods.add(one);
                oneSample.addStatement(call.replace(", batch", ""), one);
            }
            if (code == LayerCode.UNROLLED_BY_SAMPLE) {
                MethodSpec each = unrolled.apply(l, Samples.BATCH);
                methods.add(each);
                bySample.addStatement(call, each);
            } else {
                bySample.addStatement(call, loops);
            }
            loopedOnly.addStatement(call, loops);
            methods.add(loops);
        }
        if (!anyUnrolled) {
            return loopedOnly.build();
        }
        return CodeBlock.builder().addStatement("$T route = $T.pass(batch)", PassRoute.class, Routing.class)
                .beginControlFlow("if (route == $T.ONE_SAMPLE)", PassRoute.class).add(oneSample.build())
                .nextControlFlow("else if (route == $T.BY_SAMPLE)", PassRoute.class).add(bySample.build())
                .nextControlFlow("else").add(loopedOnly.build()).endControlFlow().build();
    }

    private static MethodSpec.Builder override(String name, boolean isProtected) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
                .addModifiers(isProtected ? Modifier.PROTECTED : Modifier.PUBLIC);
    }

    /** {@code K * batch} as source: {@code 0}, {@code batch}, or {@code 7 * batch}. */
    static String offset(int coordinate) {
        return coordinate == 0 ? "0" : coordinate == 1 ? "batch" : coordinate + " * batch";
    }

    private String inputName(int l) {
        return l == 1 ? "x" : "a";
    }

    /** Where layer {@code l}'s blocks live. */
    private LayerSpan span(int l) {
        return spans.get(l - 1);
    }

    /** The code of the skips into layer {@code l}. */
    private SkipCode skips(int l) {
        return new SkipCode(l, SkipSpan.into(skipSpans, l), inputName(l));
    }

    /** The activation of a local {@code name} for hidden layer {@code l}: a call of {@link HiddenActivation#value}. */
    private CodeBlock activation(int l, String name) {
        return CodeBlock.of("$T.value($L, $L)", HiddenActivation.class, name, span(l).slope());
    }

    /**
     * {@code b_i + W_i0 in0 + W_i1 in1 + ...} over locals named {@code prefix0, prefix1, ...}, then
     * each skip's term: {@code + src_i} for an identity skip, {@code + P_i0 src0 + ...} for a projection.
     */
    private String affineRow(int l, int i, String prefix) {
        StringBuilder s = new StringBuilder("params[" + (span(l).biases() + i) + "]");
        appendProduct(s, span(l).weights() + i * span(l).cols(), span(l).cols(), prefix);
        skips(l).appendRowTerms(s, i);
        return s.toString();
    }

    /** Appends {@code + params[row] * prefix0 + params[row + 1] * prefix1 + ...} over {@code cols} columns. */
    static void appendProduct(StringBuilder s, int row, int cols, String prefix) {
        for (int j = 0; j < cols; j++) {
            s.append(" + params[").append(row + j).append("] * ").append(prefix).append(j);
        }
    }

    /** Loads layer {@code l}'s input, and the sources of the skips into it, into locals. */
    private CodeBlock loadInputs(int l, Samples how) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int j = 0; j < span(l).cols(); j++) {
            code.addStatement("double $L$L = $L", inputName(l), j, how.at("state", span(l).input() + j));
        }
        return code.add(skips(l).loadSources(how)).build();
    }

    /** A layer method's head: its name, its javadoc, and the parameters {@code params, state[, batch]}. */
    private static MethodSpec.Builder layerMethod(String name, boolean withBatch, String javadoc, Object... args) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc(javadoc + "\n", args).addParameter(DOUBLES, "params").addParameter(DOUBLES, "state");
        return withBatch ? m.addParameter(int.class, "batch") : m;
    }

    private MethodSpec.Builder forwardMethod(String name, boolean withBatch, int l) {
        boolean hidden = span(l).hidden();
        String activation = hidden
                ? " and a_" + l + " = " + (span(l).slope() == 0 ? "relu" : "leaky relu") + "(z_" + l + ")" : "";
        return layerMethod(name, withBatch, "$L = W_$L $L + b_$L$L$L.", "z_" + l, l, l == 1 ? "x" : "a_" + (l - 1), l,
                skips(l).termsText(), activation);
    }

    private MethodSpec forwardLooped(int l) {
        int n = span(l).rows();
        int z = span(l).pre();
        MethodSpec.Builder m = forwardMethod("forwardLoopedLayer" + l, true, l);
        m.addStatement("$T.affine(params, $L, $L, $L, $L, state, $L, state, $L, batch)", LOOPS,
                span(l).weights(), span(l).biases(), n, span(l).cols(), offset(span(l).input()), offset(z));
        skips(l).addLoopedTerms(m, "state", z);
        if (span(l).hidden()) {
            m.addStatement("$T.activate(state, $L, $L, $L * batch, $L)", LOOPS, offset(z),
                    offset(span(l).post()), n, span(l).slope());
        }
        return m.build();
    }

    private MethodSpec forwardUnrolled(int l, Samples how) {
        int n = span(l).rows();
        int z = span(l).pre();
        MethodSpec.Builder m = how.open(forwardMethod(how.methodName("forward", l), how == Samples.BATCH, l));
        m.addCode(loadInputs(l, how));
        for (int i = 0; i < n; i++) {
            m.addStatement("double z$L = $L", i, affineRow(l, i, inputName(l)));
        }
        for (int i = 0; i < n; i++) {
            m.addStatement("$L = z$L", how.at("state", z + i), i);
        }
        if (span(l).hidden()) {
            for (int i = 0; i < n; i++) {
                m.addStatement("$L = $L", how.at("state", span(l).post() + i), activation(l, "z" + i));
            }
        }
        return how.close(m).build();
    }

    private MethodSpec discrepanciesLooped(int l) {
        boolean hidden = span(l).hidden();
        int n = span(l).rows();
        int z = span(l).pre();
        MethodSpec.Builder m = layerMethod("discrepanciesLoopedLayer" + l, true, "r_$L$L$L, by the shared loops.", l,
                skips(l).spans().isEmpty() ? "" : " (with" + skips(l).termsText() + ")", hidden ? " and s_" + l : "")
                .addParameter(DOUBLES, "out");
        m.addStatement("$T.residual(params, $L, $L, $L, $L, state, $L, $L, out, $L, batch)", LOOPS,
                span(l).weights(), span(l).biases(), n, span(l).cols(), offset(span(l).input()), offset(z),
                offset(span(l).residual()));
        skips(l).addLoopedTerms(m, "out", span(l).residual());
        if (hidden) {
            int a = span(l).post();
            m.addStatement("$T.activationResidual(state, $L, $L, out, $L, $L * batch, $L)", LOOPS, offset(z),
                    offset(a), offset(span(l).activationResidual()), n, span(l).slope());
        }
        return m.build();
    }

    private MethodSpec discrepanciesUnrolled(int l, Samples how) {
        boolean hidden = span(l).hidden();
        int n = span(l).rows();
        int z = span(l).pre();
        MethodSpec.Builder m = layerMethod(how.methodName("discrepancies", l), how == Samples.BATCH,
                "r_$L = W_$L $L + b_$L$L - z_$L$L.", l, l, l == 1 ? "x" : "a_" + (l - 1), l, skips(l).termsText(), l,
                hidden ? " and s_" + l + " = m_" + l + " z_" + l + " - a_" + l : "").addParameter(DOUBLES, "out");
        how.open(m).addCode(loadInputs(l, how));
        for (int i = 0; i < n; i++) {
            m.addStatement("double z$L = $L", i, how.at("state", z + i));
        }
        for (int i = 0; i < n; i++) {
            m.addStatement("$L = $L - z$L", how.at("out", span(l).residual() + i), affineRow(l, i, inputName(l)), i);
        }
        if (hidden) {
            int a = span(l).post();
            for (int i = 0; i < n; i++) {
                m.addStatement("$L = $L - $L", how.at("out", span(l).activationResidual() + i), activation(l, "z" + i),
                        how.at("state", a + i));
            }
        }
        return how.close(m).build();
    }

    private MethodSpec forcesLooped(int l) {
        boolean hidden = span(l).hidden();
        int n = span(l).rows();
        int cols = span(l).cols();
        int z = span(l).pre();
        int r = span(l).residual();
        MethodSpec.Builder m = layerMethod("forcesLoopedLayer" + l, true,
                "Forces on z_$L and on $L, by the shared loops$L.", l, l == 1 ? "x" : "a_" + (l - 1),
                skips(l).pullsText())
                .addParameter(DOUBLES, "d").addParameter(DOUBLES, "out");
        if (hidden) {
            int a = span(l).post();
            m.addStatement("$T.activationForces(state, $L, $L, d, $L, $L, out, $L * batch, $L)", LOOPS, offset(z),
                    offset(a), offset(r), offset(span(l).activationResidual()), n, span(l).slope());
        } else {
            m.addStatement("$T.arraycopy(d, $L, out, $L, $L * batch)", System.class, offset(r), offset(z), n);
        }
        if (l == 1) {
            m.addStatement("$T.fill(out, 0, $L * batch, 0.0)", Arrays.class, cols);
        } else {
            m.addStatement("$T.arraycopy(d, $L, out, $L, $L * batch)", System.class, offset(span(l - 1).activationResidual()),
                    offset(span(l).input()), cols);
        }
        m.addStatement("$T.pullBack(params, $L, $L, $L, d, $L, out, $L, batch)", LOOPS, span(l).weights(), n,
                cols, offset(r), offset(span(l).input()));
        skips(l).addLoopedPulls(m, r);
        return m.build();
    }

    private MethodSpec forcesUnrolled(int l, Samples how) {
        boolean hidden = span(l).hidden();
        int n = span(l).rows();
        int cols = span(l).cols();
        int z = span(l).pre();
        int r = span(l).residual();
        String input = l == 1 ? "x" : "a_" + (l - 1);
        MethodSpec.Builder m = layerMethod(how.methodName("forces", l), how == Samples.BATCH,
                "Forces on z_$L ($L) and on $L ($L)$L.", l, hidden ? "r_" + l + " - m_" + l + " s_" + l : "r_" + l,
                input, (l == 1 ? "" : "s_" + (l - 1) + " ") + "- W_" + l + "^T r_" + l, skips(l).pullsText())
                .addParameter(DOUBLES, "d").addParameter(DOUBLES, "out");
        how.open(m);
        for (int i = 0; i < n; i++) {
            m.addStatement("double r$L = $L", i, how.at("d", r + i));
        }
        for (int i = 0; i < n; i++) {
            if (hidden) {
                int sd = span(l).activationResidual() + i;
                m.addStatement("$L = r$L - $T.mask($L, $L) * $L", how.at("out", z + i), i, HiddenActivation.class,
                        how.at("state", z + i), span(l).slope(), how.at("d", sd));
            } else {
                m.addStatement("$L = r$L", how.at("out", z + i), i);
            }
        }
        for (int j = 0; j < cols; j++) {
            StringBuilder pull = new StringBuilder(l == 1 ? "" : how.at("d", span(l - 1).activationResidual() + j));
            for (int i = 0; i < n; i++) {
                pull.append(pull.length() == 0 ? "-" : " - ").append("params[")
                        .append(span(l).weights() + i * cols + j).append("] * r").append(i);
            }
            m.addStatement("$L = $L", how.at("out", span(l).input() + j), pull);
        }
        skips(l).addPulls(m, how);
        return how.close(m).build();
    }

    private MethodSpec.Builder descendMethod(String name, boolean withBatch, int l) {
        return layerMethod(name, withBatch, "W_$L -= betaDt sum_s r_$L $L^T$L and b_$L -= betaDt sum_s r_$L.", l, l,
                l == 1 ? "x" : "a_" + (l - 1), skips(l).descentsText(), l, l).addParameter(DOUBLES, "d")
                .addParameter(double.class, "betaDt");
    }

    private MethodSpec descendLooped(int l) {
        MethodSpec.Builder m = descendMethod("descendLoopedLayer" + l, true, l)
                .addStatement("$T.descend(params, $L, $L, $L, $L, d, $L, state, $L, batch, betaDt)", LOOPS,
                        span(l).weights(), span(l).biases(), span(l).rows(), span(l).cols(),
                        offset(span(l).residual()), offset(span(l).input()));
        skips(l).addLoopedDescents(m, span(l).residual());
        return m.build();
    }

    private MethodSpec descendUnrolled(int l, Samples how) {
        int n = span(l).rows();
        int cols = span(l).cols();
        int r = span(l).residual();
        SkipCode skips = skips(l);
        MethodSpec.Builder m = descendMethod(how.methodName("descend", l), how == Samples.BATCH, l);
        for (int i = 0; i < n; i++) {
            m.addCode("// row $L of W_$L$L and b_$L\n{\n$>", i, l, skips.projectionsText(), l);
            if (how == Samples.ONE) {
                m.addStatement("double r = $L", how.at("d", r + i));
                for (int j = 0; j < cols; j++) {
                    m.addStatement("params[$L] -= betaDt * (r * $L)", span(l).weights() + i * cols + j,
                            how.at("state", span(l).input() + j));
                }
                skips.addRowDescents(m, how, i);
                m.addStatement("params[$L] -= betaDt * r", span(l).biases() + i);
            } else {
                StringBuilder sums = new StringBuilder("double bias = 0");
                for (int j = 0; j < cols; j++) {
                    sums.append(", w").append(j).append(" = 0");
                }
                m.addStatement(sums.append(skips.rowSumsDeclared()).toString());
                how.open(m);
                m.addStatement("double r = $L", how.at("d", r + i));
                m.addStatement("bias += r");
                for (int j = 0; j < cols; j++) {
                    m.addStatement("w$L += r * $L", j, how.at("state", span(l).input() + j));
                }
                skips.addToRowSums(m, how);
                how.close(m);
                for (int j = 0; j < cols; j++) {
                    m.addStatement("params[$L] -= betaDt * w$L", span(l).weights() + i * cols + j, j);
                }
                skips.addRowSumDescents(m, i);
                m.addStatement("params[$L] -= betaDt * bias", span(l).biases() + i);
            }
            m.addCode("$<}\n");
        }
        return m.build();
    }
}
