package dev.sheaf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sheaf4j.network.Architecture;
import dev.sheaf4j.network.Network;
import dev.sheaf4j.network.Weights;
import dev.sheaf4j.sheaf.Coordinate;
import dev.sheaf4j.sheaf.Discord;
import dev.sheaf4j.sheaf.Pins;
import dev.sheaf4j.sheaf.SheafLayout;
import dev.sheaf4j.sheaf.SheafState;
import dev.sheaf4j.train.Dataset;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public value type compares, hashes and prints by value: the public records of the runtime
 * are found by reflection (so a new one is checked without being listed here), the public classes
 * holding values are checked one by one.
 */
class ValueTypesTest {
    /** What {@code Object.toString} and arrays print: a class name, '@' and a hash. */
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{4,}");
    private static final Architecture ARCH = Architecture.relu(1, 2, 1);

    @Test
    void everyPublicRecordComparesHashesAndPrintsByValue() throws Exception {
        List<Class<?>> records = publicRecords();
        assertTrue(records.size() > 15, "found only " + records);
        for (Class<?> type : records) {
            Object a = build(type, -1);
            Object b = build(type, -1);
            assertEquals(a, b, type.getName() + " built twice from equal values");
            assertEquals(a.hashCode(), b.hashCode(), type.getName() + " hash codes");
            assertEquals(a.toString(), b.toString(), type.getName() + " text");
            assertFalse(IDENTITY.matcher(a.toString()).find(), type.getName() + " prints an identity: " + a);
            RecordComponent[] components = type.getRecordComponents();
            for (int c = 0; c < components.length; c++) {
                if (components[c].getType().isArray()) {
                    Object other = build(type, c);
                    String what = type.getName() + " with another " + components[c].getName();
                    assertNotEquals(a, other, what);
                    assertNotEquals(a.toString(), other.toString(), what + " prints the same");
                }
            }
        }
    }

    @Test
    void valueClassesCompareHashAndPrintByValue() {
        checkByValue(() -> Network.heInitialised(ARCH, 1), () -> Network.heInitialised(ARCH, 2));
        checkByValue(() -> Weights.of(Network.heInitialised(ARCH, 1)),
                () -> Weights.of(Network.heInitialised(ARCH, 2)));
        checkByValue(() -> state(0.5), () -> state(0.25));
        checkByValue(() -> Pins.builder().hard(Coordinate.pre(1, 0), 0.5).soft(Coordinate.pre(2, 0), 1, 2).build(),
                () -> Pins.builder().hard(Coordinate.pre(1, 0), 0.5).soft(Coordinate.pre(2, 0), 1, 3).build());
        checkByValue(() -> Dataset.of(new double[][] {{1}, {2}}, new double[] {3, 4}),
                () -> Dataset.of(new double[][] {{1}, {2}}, new double[] {3, 5}));
        checkByValue(() -> Sheaf.of(Network.heInitialised(ARCH, 1)).discord(state(0.5)),
                () -> Sheaf.of(Network.heInitialised(ARCH, 1)).discord(state(0.25)));
    }

    @Test
    void pinsPrintWhatTheyHold() {
        Pins pins = Pins.builder().hard(Coordinate.pre(1, 0), 0.5).soft(Coordinate.post(1, 1), 0.8, 10)
                .hard(Coordinate.pre(2, 0), new double[] {1, 2}).freeInput().build();
        assertEquals("Pins[z_1[0] = 0.5, a_1[1] ~ 0.8 (strength 10.0), z_2[0] = [1.0, 2.0], input free]",
                pins.toString());
        assertEquals("Pins[none]", Pins.none().toString());
    }

    @Test
    void longArraysPrintInBrief() {
        Architecture wide = Architecture.relu(2, 30, 1);
        SheafState many = new SheafState(new SheafLayout(wide), 200);
        assertTrue(many.toString().length() < 200, many.toString());
        assertTrue(many.toString().contains("(12600 values)"), many.toString());
        Discord discord = Sheaf.create(wide, 1).discord(many);
        assertTrue(discord.toString().startsWith("Discord[total 0.0; weight 1: 0.0, activation 1: 0.0"),
                discord.toString());
    }

    private static <T> void checkByValue(Supplier<T> make, Supplier<T> different) {
        T a = make.get();
        T b = make.get();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        assertFalse(IDENTITY.matcher(a.toString()).find(), a.toString());
        assertNotEquals(a, different.get());
    }

    private static SheafState state(double value) {
        SheafState s = new SheafState(new SheafLayout(ARCH), 1);
        s.set(Coordinate.pre(1, 0), 0, value);
        return s;
    }

    /** The public records of the runtime's classes (nested ones only inside public types). */
    private static List<Class<?>> publicRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SheafModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classFiles) {
            String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                    .replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, ValueTypesTest.class.getClassLoader());
            if (type.isRecord() && isPublic(type)) {
                found.add(type);
            }
        }
        return found;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** An instance of {@code record} from sample values; component {@code changed} (if any) gets other values. */
    private static Object build(Class<?> record, int changed) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
            values[c] = sample(types[c], c == changed, record);
        }
        Constructor<?> constructor = record.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }

    private static Object sample(Class<?> type, boolean other, Class<?> record) throws Exception {
        if (type == double[].class) {
            return new double[] {0.5, other ? 2.5 : 1.5};
        }
        if (type == int[].class) {
            return new int[] {1, other ? 3 : 2};
        }
        if (type == double.class) {
            return 0.25;
        }
        if (type == int.class) {
            return 2;
        }
        if (type == long.class) {
            return 3L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Network.class) {
            return Network.heInitialised(ARCH, 1);
        }
        if (type == SheafState.class) {
            return state(0.5);
        }
        if (type == Dataset.class) {
            return Dataset.of(new double[][] {{0.5}}, new double[] {other ? 2.5 : 1.5});
        }
        if (type.isRecord()) {
            return build(type, -1);
        }
        return fail("no sample value of " + type.getName() + " for " + record.getName() + "; add one to this test");
    }
}
