package dev.sheaf4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sheaf4j} command-line tool. Exit codes: 0 success, 1 a check failed or a result could
 * not be certified, 2 bad usage or bad input, 3 any other error (files, the unexpected). Errors are
 * printed as one line; {@code --verbose} adds the stack trace.
 */
@Command(name = "sheaf4j", mixinStandardHelpOptions = true, version = "sheaf4j 0.1.0",
        description = "Feedforward ReLU networks as cellular sheaves.",
        subcommands = {DemoCommand.class, InferCommand.class, PinCommand.class, TrainCommand.class, DiagnoseCommand.class, FiguresCommand.class,
                ConformanceCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code when a check or run fails. */
    public static final int FAILED = 1;
    /** Exit code for bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for any other error. */
    public static final int ERROR = 3;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    /** Runs the tool and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Object root = commandLine.getCommandSpec().root().userObject();
            if (root instanceof Main main && main.verbose) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("sheaf4j: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return e instanceof IllegalArgumentException ? BAD_INPUT : ERROR;
        });
        return cli.execute(args);
    }
}
