package dev.sheaf4j.cli;

import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's way of naming coordinates and pins: {@code z1[0]}, {@code a2[3]}, {@code x[1]},
 * {@code aout[0]}, or a whole stalk such as {@code z2}; a hard pin {@code z1[0]=0.5}, a soft pin
 * {@code z2[0]=0.8@10} (target 0.8, strength 10).
 */
final class PinSyntax {
    private static final Pattern COORDINATE = Pattern.compile("(x|z|a|aout)(\\d*)(?:\\[(\\d+)])?");
    private static final Pattern PIN = Pattern.compile("([^=]+)=([^@]+)(?:@(.+))?");

    private PinSyntax() {
    }

    /** The coordinates {@code text} names in {@code layout}'s sheaf. */
    static List<Coordinate> coordinates(String text, SheafLayout layout) {
        Matcher m = COORDINATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read coordinate '" + text
                    + "': write x[i], z<l>[i], a<l>[i] or aout[i], or a whole stalk such as z2");
        }
        String stalk = m.group(1);
        int layer = switch (stalk) {
            case "x" -> 0;
            case "aout" -> layout.layers();
            default -> {
                if (m.group(2).isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' needs a layer number, as in " + stalk + "1");
                }
                yield Integer.parseInt(m.group(2));
            }
        };
        boolean post = stalk.equals("a") || stalk.equals("aout");
        List<Coordinate> out = new ArrayList<>();
        if (layer < 0 || layer > layout.layers()) {
            throw new IllegalArgumentException("'" + text + "': the network has layers 0 to " + layout.layers());
        }
        int width = layout.architecture().width(layer);
        if (m.group(3) != null) {
            out.add(post ? Coordinate.post(layer, Integer.parseInt(m.group(3)))
                    : Coordinate.pre(layer, Integer.parseInt(m.group(3))));
        } else {
            for (int i = 0; i < width; i++) {
                out.add(post ? Coordinate.post(layer, i) : Coordinate.pre(layer, i));
            }
        }
        for (Coordinate c : out) {
            layout.index(c);
        }
        return out;
    }

    /** Adds the pin {@code text} ({@code coordinate=value}, or {@code coordinate=target@strength} when soft). */
    static void addPin(Pins.Builder pins, String text, SheafLayout layout, boolean soft) {
        Matcher m = PIN.matcher(text.trim());
        if (!m.matches() || (soft != (m.group(3) != null))) {
            throw new IllegalArgumentException("cannot read " + (soft ? "soft pin" : "pin") + " '" + text + "': write "
                    + (soft ? "z2[0]=0.8@10 (target 0.8, strength 10)" : "z1[0]=0.5"));
        }
        double value = number(m.group(2), text);
        for (Coordinate c : coordinates(m.group(1), layout)) {
            if (soft) {
                pins.soft(c, value, number(m.group(3), text));
            } else {
                pins.hard(c, value);
            }
        }
    }

    private static double number(String text, String pin) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' in '" + pin + "' is not a number");
        }
    }
}
