package org.ionflux.internal.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ionflux} command line (docs/commands.md). Exit codes: 0 success, 1 engine failure,
 * 2 bad input, 130 interrupted.
 */
@Command(name = "ionflux", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulates ion fluxes across membranes and their relaxation to equilibrium.",
        subcommands = {RunCommand.class, ExplainCommand.class, ValidateCommand.class, BenchCommand.class,
                CheckCommand.class, ReportCommand.class, SteadyCommand.class})
public final class Main implements Runnable {

    /** Exit code of a successful command. */
    public static final int OK = 0;
    /** Exit code of an engine failure. */
    public static final int ENGINE_FAILURE = 1;
    /** Exit code of bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code of an interrupted run (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Read by the execution exception handler; declared here so that every command accepts it. */
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of an internal error")
    private boolean debug;

    /** Entry point. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given writers (tests capture them).
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            commandLine.getErr().println("ionflux: internal error: " + e);
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run again with --debug for the stack trace)");
            }
            return ENGINE_FAILURE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("ionflux: out of memory (" + e.getMessage() + "): the scenario needs more than this Java "
                    + "heap; give Java more (java -Xmx4g ...) or make the model smaller");
            err.flush();
            return ENGINE_FAILURE;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ionflux " + org.ionflux.internal.output.Summary.version()};
        }
    }
}
