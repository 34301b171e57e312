package dev.sheaf4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code sheaf4j} command-line tool. Exit codes: 0 success, 1 a check failed or a result could
 * not be certified or computed, 2 bad usage or bad input (options, input files), 3 any other error
 * (writing files, memory, the unexpected). Errors are printed as one line, usage errors with a hint
 * to the command's help; {@code --verbose} adds the stack trace.
 */
@Command(name = "sheaf4j", mixinStandardHelpOptions = true, version = "sheaf4j 0.1.0",
        description = "Feedforward ReLU networks as cellular sheaves.",
        subcommands = {DemoCommand.class, InferCommand.class, PinCommand.class, TrainCommand.class, SweepCommand.class,
                CompareCommand.class, DiagnoseCommand.class, FiguresCommand.class, ConformanceCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code when a check fails or a result cannot be certified or computed. */
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
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, main, commandLine.getErr()));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return failure(e, main, cli.getErr());
        }
    }

    /** Prints a usage error in one line with a hint to the command's help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("sheaf4j: " + oneLine(e.getMessage()));
        command.getErr().println("try './" + command.getCommandSpec().qualifiedName() + " --help'");
        return BAD_INPUT;
    }

    private static int failure(Throwable e, Main main, PrintWriter err) {
        if (main.verbose) {
            e.printStackTrace(err);
        } else if (e instanceof OutOfMemoryError) {
            err.printf("sheaf4j: out of memory (%s): the network or data is too large for the Java heap of %d MiB;"
                    + " use narrower layers or smaller batches, or give Java more (JDK_JAVA_OPTIONS=-Xmx8g)%n",
                    e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
        } else {
            err.println("sheaf4j: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        err.flush();
        return exitCode(e);
    }

    private static int exitCode(Throwable e) {
        if (e instanceof ArithmeticException) {
            return FAILED;
        }
        return e instanceof IllegalArgumentException ? BAD_INPUT : ERROR;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
