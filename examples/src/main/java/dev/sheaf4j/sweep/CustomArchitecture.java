package dev.sheaf4j.sweep;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Skip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A task's network with other widths or skip connections, as {@code train}, {@code sweep} and
 * {@code compare} are told by {@code --widths 2,10,8,6,1} and {@code --skips 1-3,0-2p}: the hidden
 * layers are ReLU, the head is the task's. A skip {@code FROM-TO} adds {@code a_FROM} ({@code x}
 * for 0) to {@code z_TO}; a trailing {@code p} sends it through a learned projection; {@code none}
 * means no skips.
 */
public final class CustomArchitecture {
    private static final Pattern SKIP = Pattern.compile("(\\d+)-(\\d+)(p?)");

    private CustomArchitecture() {
    }

    /**
     * {@code declared} with {@code widths} (null: its own) and the skips of {@code skips} (null: its
     * own).
     *
     * @throws IllegalArgumentException in one line, naming the task, if the widths do not fit the
     *     task's inputs and outputs or a skip is malformed or does not fit the widths
     */
    public static Architecture of(Architecture declared, String task, int[] widths, String skips) {
        Architecture shaped = declared;
        if (widths != null) {
            if (widths.length < 2 || widths[0] != declared.inputs()
                    || widths[widths.length - 1] != declared.outputs()) {
                throw new IllegalArgumentException("widths " + text(widths) + " for " + task + " must start with "
                        + declared.inputs() + " inputs and end with " + declared.outputs() + " outputs");
            }
            shaped = new Architecture(widths, new double[widths.length - 2], declared.head());
        }
        return skips == null ? shaped : shaped.withSkips(parse(skips));
    }

    /** {@code widths} as {@code --widths} takes them, {@code 2,10,8,1}; null for null. */
    public static String text(int[] widths) {
        return widths == null ? null : Arrays.stream(widths).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The skips of {@code text}: {@code FROM-TO} or {@code FROM-TOp}, separated by commas, or
     * {@code none}.
     *
     * @throws IllegalArgumentException naming the part that is neither
     */
    public static List<Skip> parse(String text) {
        if (text.strip().equals("none")) {
            return List.of();
        }
        List<Skip> skips = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = SKIP.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("skip '" + part.strip() + "' is not FROM-TO or FROM-TOp (for example"
                        + " 1-3 adds a_1 to z_3, 0-2p adds x to z_2 through a projection), nor 'none'");
            }
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            skips.add(m.group(3).isEmpty() ? Skip.identity(from, to) : Skip.projection(from, to));
        }
        return skips;
    }
}
