package dev.sheaf4j.cli;

import dev.sheaf4j.conformance.ConformanceRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sheaf4j conformance FILE...}: checks fixture files against the reference implementation. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run every check of the given fixture files (or of every .json file in the given folders)"
                + " and print one line per check; exits 1 if any check fails.")
final class ConformanceCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Fixture files or folders of them.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    List<Path> fixtures = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
                    if (fixtures.isEmpty()) {
                        throw new IllegalArgumentException("no fixture (.json file) in folder " + path);
                    }
                    files.addAll(fixtures);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such fixture file or folder: " + path);
            }
        }
        ConformanceRunner.Summary summary = ConformanceRunner.run(files, System.out);
        return summary.failed() == 0 ? 0 : Main.FAILED;
    }
}
