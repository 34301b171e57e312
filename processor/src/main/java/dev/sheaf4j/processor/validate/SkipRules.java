package dev.sheaf4j.processor.validate;

import dev.sheaf4j.network.Skip;
import dev.sheaf4j.processor.model.LayerKind;
import dev.sheaf4j.processor.model.MethodDeclaration;
import dev.sheaf4j.processor.model.SkipDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of {@code @Skip}: a skip lands on a {@code @Dense} or {@code @Output} layer and comes
 * from the input or an earlier {@code @Dense} layer, named by its method, once per pair; an
 * identity skip joins layers of equal widths. Each error lands on the {@code from} value.
 */
final class SkipRules {
    private SkipRules() {
    }

    /** Checks the skips of every layer method of {@code layers}, in order, of network {@code network}. */
    static void check(String network, List<MethodDeclaration> layers, Validator.Errors errors) {
        List<String> names = layers.stream().map(MethodDeclaration::name).toList();
        for (int to = 0; to < layers.size(); to++) {
            MethodDeclaration m = layers.get(to);
            Set<String> sources = new HashSet<>();
            for (SkipDeclaration skip : m.skips()) {
                String from = skip.from().value();
                int source = names.indexOf(from);
                if (kind(m) == LayerKind.INPUT) {
                    errors.add(Message.SKIP_INTO_INPUT, skip.origin(), from, m.name());
                } else if (source < 0) {
                    errors.add(Message.UNKNOWN_SKIP_SOURCE, skip.from().origin(), from, m.name(), network,
                            candidates(layers, to));
                } else if (kind(layers.get(source)) == LayerKind.OUTPUT) {
                    errors.add(Message.SKIP_FROM_OUTPUT, skip.from().origin(), from, m.name());
                } else if (source >= to) {
                    errors.add(Message.SKIP_NOT_EARLIER, skip.from().origin(), from, m.name(),
                            source == to ? "the layer itself" : "'" + from + "()', which is declared after it",
                            m.name());
                } else if (!sources.add(from)) {
                    errors.add(Message.DUPLICATE_SKIP, skip.from().origin(), from, m.name(), from);
                } else if (!skip.projection().value() && width(layers.get(source)) != width(m)) {
                    errors.add(Message.SKIP_WIDTHS, skip.from().origin(), from, m.name(), width(layers.get(source)),
                            width(m), from);
                }
            }
        }
    }

    /** The skips of valid layer methods {@code layers} as the architecture numbers them. */
    static List<Skip> resolve(List<MethodDeclaration> layers) {
        List<String> names = layers.stream().map(MethodDeclaration::name).toList();
        List<Skip> skips = new ArrayList<>();
        for (int to = 0; to < layers.size(); to++) {
            for (SkipDeclaration skip : layers.get(to).skips()) {
                skips.add(new Skip(names.indexOf(skip.from().value()), to, skip.projection().value()));
            }
        }
        return List.copyOf(skips);
    }

    /** The methods a skip into layer {@code to} may name: the input and the hidden layers before it. */
    private static String candidates(List<MethodDeclaration> layers, int to) {
        String names = layers.subList(0, to).stream().filter(m -> kind(m) != LayerKind.OUTPUT)
                .map(m -> "'" + m.name() + "'").collect(Collectors.joining(", "));
        return names.isEmpty() ? "none is declared before it" : names;
    }

    private static LayerKind kind(MethodDeclaration m) {
        return m.layers().get(0).kind();
    }

    private static int width(MethodDeclaration m) {
        return m.layers().get(0).width().value();
    }
}
