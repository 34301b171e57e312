package dev.sheaf4j.processor.generate;

import static dev.sheaf4j.processor.generate.KernelGenerator.offset;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.sheaf4j.kernel.LayerLoops;
import dev.sheaf4j.kernel.SkipSpan;
import java.util.List;

/**
 * The code of the skip connections into one layer of a generated kernel, which
 * {@link KernelGenerator} writes into that layer's methods: each skip's term {@code P a_from} in the
 * layer's pre-activation and discrepancy, its pull {@code -P^T r_l} on {@code a_from} and its
 * projection's descent, as straight-line code for the unrolled methods and as {@link LayerLoops}
 * calls with constant sizes and offsets for the looped ones; and the words for their javadoc. For a
 * layer without skips every piece is empty.
 */
final class SkipCode {
    private static final ClassName LOOPS = ClassName.get(LayerLoops.class);

    private final int layer;
    private final List<SkipSpan> skips;
    private final List<SkipSpan> projections;
    private final String inputPrefix;

    /**
     * The code of {@code skips}, those into layer {@code layer}, whose own input the unrolled code
     * holds in locals named {@code inputPrefix0, inputPrefix1, ...}.
     */
    SkipCode(int layer, List<SkipSpan> skips, String inputPrefix) {
        this.layer = layer;
        this.skips = List.copyOf(skips);
        this.projections = skips.stream().filter(SkipSpan::projected).toList();
        this.inputPrefix = inputPrefix;
    }

    /** The skips into the layer. */
    List<SkipSpan> spans() {
        return skips;
    }

    /** The prefix of the locals that hold skip {@code k}'s source: the layer's input's, {@code x} or {@code a2_}. */
    private String sourceName(SkipSpan k) {
        int from = k.skip().from();
        return from == layer - 1 ? inputPrefix : from == 0 ? "x" : "a" + from + "_";
    }

    /** {@code x} or {@code a_f}: the source of skip {@code k} in javadoc. */
    private static String sourceText(SkipSpan k) {
        return k.skip().from() == 0 ? "x" : "a_" + k.skip().from();
    }

    /** {@code P_(f,l)}: the projection of skip {@code k} in javadoc. */
    private static String projectionText(SkipSpan k) {
        return "P_(" + k.skip().from() + "," + k.to() + ")";
    }

    /** The skips' terms in javadoc, e.g. {@code " + a_1 + P_(0,3) x"}. */
    String termsText() {
        StringBuilder s = new StringBuilder();
        for (SkipSpan k : skips) {
            s.append(" + ").append(k.projected() ? projectionText(k) + " " : "").append(sourceText(k));
        }
        return s.toString();
    }

    /** The skips' pulls in javadoc, e.g. {@code "; the skips pull -r_3 onto a_1, -P_(0,3)^T r_3 onto x"}. */
    String pullsText() {
        StringBuilder s = new StringBuilder();
        for (SkipSpan k : skips) {
            String lead = skips.size() == 1 ? "; the skip pulls " : "; the skips pull ";
            s.append(s.length() > 0 ? ", " : lead).append('-').append(k.projected() ? projectionText(k) + "^T " : "")
                    .append("r_").append(layer).append(" onto ").append(sourceText(k));
        }
        return s.toString();
    }

    /** The projections' descents in javadoc, e.g. {@code ", P_(0,4) -= betaDt sum_s r_4 x^T"}. */
    String descentsText() {
        StringBuilder s = new StringBuilder();
        for (SkipSpan k : projections) {
            s.append(", ").append(projectionText(k)).append(" -= betaDt sum_s r_").append(layer).append(' ')
                    .append(sourceText(k)).append("^T");
        }
        return s.toString();
    }

    /** The projections' names for a row's comment, e.g. {@code ", P_(0,4)"}. */
    String projectionsText() {
        StringBuilder s = new StringBuilder();
        for (SkipSpan k : projections) {
            s.append(", ").append(projectionText(k));
        }
        return s.toString();
    }

    /** Loads the sources of the skips that the layer's input locals do not already hold. */
    CodeBlock loadSources(Samples how) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (SkipSpan k : skips) {
            if (k.skip().from() != layer - 1) {
                for (int j = 0; j < k.cols(); j++) {
                    code.addStatement("double $L$L = $L", sourceName(k), j, how.at("state", k.source() + j));
                }
            }
        }
        return code.build();
    }

    /** Appends row {@code i} of the skips' terms to an unrolled affine row: {@code + src_i} or {@code + P_i0 src0 + ...}. */
    void appendRowTerms(StringBuilder row, int i) {
        for (SkipSpan k : skips) {
            if (k.projected()) {
                KernelGenerator.appendProduct(row, k.projection() + i * k.cols(), k.cols(), sourceName(k));
            } else {
                row.append(" + ").append(sourceName(k)).append(i);
            }
        }
    }

    /** The unrolled pulls {@code out[a_from] -= P^T r}, given the layer's residuals in locals {@code r0, r1, ...}. */
    void addPulls(MethodSpec.Builder m, Samples how) {
        for (SkipSpan k : skips) {
            for (int j = 0; j < k.cols(); j++) {
                StringBuilder pull = new StringBuilder(k.projected() ? "" : "r" + j);
                for (int i = 0; k.projected() && i < k.rows(); i++) {
                    pull.append(i == 0 ? "" : " + ").append("params[").append(k.projection() + i * k.cols() + j)
                            .append("] * r").append(i);
                }
                m.addStatement("$L -= $L", how.at("out", k.source() + j), pull);
            }
        }
    }

    /** One sample's descent of row {@code i} of each projection, given the row's residual in a local {@code r}. */
    void addRowDescents(MethodSpec.Builder m, Samples how, int i) {
        for (SkipSpan k : projections) {
            for (int j = 0; j < k.cols(); j++) {
                m.addStatement("params[$L] -= betaDt * (r * $L)", k.projection() + i * k.cols() + j,
                        how.at("state", k.source() + j));
            }
        }
    }

    /** Declarations of the sums over the samples of a row of each projection: {@code ", p0_0 = 0, p0_1 = 0"}. */
    String rowSumsDeclared() {
        StringBuilder s = new StringBuilder();
        for (SkipSpan k : projections) {
            for (int j = 0; j < k.cols(); j++) {
                s.append(", ").append(rowSum(k, j)).append(" = 0");
            }
        }
        return s.toString();
    }

    /** Adds one sample's share to the sums of {@link #rowSumsDeclared}, given its residual in a local {@code r}. */
    void addToRowSums(MethodSpec.Builder m, Samples how) {
        for (SkipSpan k : projections) {
            for (int j = 0; j < k.cols(); j++) {
                m.addStatement("$L += r * $L", rowSum(k, j), how.at("state", k.source() + j));
            }
        }
    }

    /** Descends row {@code i} of each projection by its sums. */
    void addRowSumDescents(MethodSpec.Builder m, int i) {
        for (SkipSpan k : projections) {
            for (int j = 0; j < k.cols(); j++) {
                m.addStatement("params[$L] -= betaDt * $L", k.projection() + i * k.cols() + j, rowSum(k, j));
            }
        }
    }

    /** The local that sums column {@code j} of a row of skip {@code k}'s projection over the samples: {@code p0_1}. */
    private static String rowSum(SkipSpan k, int j) {
        return "p" + k.skip().from() + "_" + j;
    }

    /** {@code dst[to..] += P a_from} for every skip, by the shared loops: their terms in {@code z_l} or {@code r_l}. */
    void addLoopedTerms(MethodSpec.Builder m, String dst, int to) {
        for (SkipSpan k : skips) {
            if (k.projected()) {
                m.addStatement("$T.addProduct(params, $L, $L, $L, state, $L, $L, $L, batch)", LOOPS, k.projection(),
                        k.rows(), k.cols(), offset(k.source()), dst, offset(to));
            } else {
                m.addStatement("$T.addRows(state, $L, $L, $L, $L * batch, 1.0)", LOOPS, offset(k.source()), dst,
                        offset(to), k.rows());
            }
        }
    }

    /** {@code out[a_from] -= P^T d[r..]} for every skip, by the shared loops. */
    void addLoopedPulls(MethodSpec.Builder m, int r) {
        for (SkipSpan k : skips) {
            if (k.projected()) {
                m.addStatement("$T.pullBack(params, $L, $L, $L, d, $L, out, $L, batch)", LOOPS, k.projection(),
                        k.rows(), k.cols(), offset(r), offset(k.source()));
            } else {
                m.addStatement("$T.addRows(d, $L, out, $L, $L * batch, -1.0)", LOOPS, offset(r), offset(k.source()),
                        k.rows());
            }
        }
    }

    /** {@code P -= betaDt sum_s d[r..] a_from^T} for every projection, by the shared loops. */
    void addLoopedDescents(MethodSpec.Builder m, int r) {
        for (SkipSpan k : projections) {
            m.addStatement("$T.descendProduct(params, $L, $L, $L, d, $L, state, $L, batch, betaDt)", LOOPS,
                    k.projection(), k.rows(), k.cols(), offset(r), offset(k.source()));
        }
    }
}
