package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ionflux.internal.output.OutputEstimate;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.workflow.RunJob;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux run SCENARIO [--out DIR] [--report] [--quiet] [--max-output SIZE]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write trace.csv, summary.json and plots into DIR.")
final class RunCommand implements Callable<Integer> {

    /**
     * How long a Ctrl-C or SIGTERM waits for the partial result to be finished (summary, plots), s; past it the
     * outputs written so far are moved to DIR.failed as they are and the process exits.
     */
    static final long INTERRUPT_GRACE_S = 10;

    /** A trace at least this large is announced on stderr before the run, bytes. */
    static final long ANNOUNCED_OUTPUT = 1_000_000_000L;

    /** Default of {@code --max-output}: the largest trace.csv a run may write without asking, bytes. */
    static final long DEFAULT_MAX_OUTPUT = 10_000_000_000L;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    private Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/runs/<name>/)")
    private Path out;

    @Option(names = "--report", description = "also write report.html, as 'ionflux report DIR' would")
    private boolean report;

    @Option(names = "--quiet", description = "no progress bar (there is none when stderr is not a terminal)")
    private boolean quiet;

    @Option(names = "--max-output", paramLabel = "SIZE", converter = ByteSize.class,
            description = "largest trace.csv to write, e.g. 50GB or 2TB (default 10GB); a larger run is refused "
                    + "before it starts")
    private long maxOutput = DEFAULT_MAX_OUTPUT;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LoadedScenario loaded = ScenarioLoading.load(scenario, err);
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        Path dir = out != null ? out : Path.of("results", "runs", loaded.model().name());
        OutputEstimate estimate = OutputEstimate.of(loaded.model());
        String tooLarge = tooLarge(estimate, maxOutput, dir, loaded.model().name());
        if (tooLarge != null) {
            err.println(tooLarge);
            return Main.BAD_INPUT;
        }
        if (estimate.bytes() >= ANNOUNCED_OUTPUT) {
            err.printf(Locale.ROOT, "%s: trace.csv will be about %s (%d rows x %d columns)%n", loaded.model().name(),
                    OutputEstimate.format(estimate.bytes()), estimate.rows(), estimate.columns());
            err.flush();
        }
        RunControl control = new RunControl();
        RunJob.Salvage salvage = new RunJob.Salvage();
        // Ctrl-C (SIGINT) and SIGTERM start the JVM's shutdown: the hook asks the run to stop, then waits until the
        // partial result is in DIR.failed and the message printed; when it returns, the JVM exits with 130
        // (128 + SIGINT) or 143 (128 + SIGTERM). Past the grace, what was written so far is moved to DIR.failed as
        // it is: no hidden temporary folder is left behind
        StopOnSignal signals = StopOnSignal.install(control::requestStop, () -> {
            Path moved = salvage.abandon();
            if (moved != null) {
                err.printf(Locale.ROOT, "%s: stopped; the outputs could not be finished within %d s, "
                        + "what was written (t = %s s) is in %s%n", loaded.model().name(),
                        INTERRUPT_GRACE_S, control.timeS(), moved);
                err.flush();
            }
        });
        Progress progress = !quiet && Progress.stderrIsTerminal()
                ? Progress.start(control, loaded.model().settings().durationS(), err) : null;
        try {
            return runAndReport(loaded, dir, control, report, salvage, progress, stdout, err);
        } finally {
            if (progress != null) {
                progress.stop();
            }
            stdout.flush();
            err.flush();
            signals.release();
        }
    }

    /**
     * @return why a run of this size is refused (over {@code limit}, or over the free space of the disk that will
     *     hold {@code dir}), or null if it may go ahead
     */
    static String tooLarge(OutputEstimate estimate, long limit, Path dir, String name) {
        String size = String.format(Locale.ROOT, "trace.csv would be about %s (%d rows x %d columns, about %d "
                        + "bytes a value)", OutputEstimate.format(estimate.bytes()), estimate.rows(),
                estimate.columns(), OutputEstimate.BYTES_PER_VALUE);
        String remedies = "record fewer columns (simulation.record), use a longer simulation.output_interval or a "
                + "shorter duration";
        if (estimate.bytes() > limit) {
            return name + ": " + size + ", above the limit of " + OutputEstimate.format(limit) + " (--max-output); "
                    + remedies + ", or raise the limit with --max-output if you mean it; nothing was written";
        }
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                long free = Files.getFileStore(existing).getUsableSpace();
                if (estimate.bytes() > free) {
                    return name + ": " + size + ", more than the " + OutputEstimate.format(free) + " free on the "
                            + "disk of " + existing + "; " + remedies + ", or choose another --out; nothing was "
                            + "written";
                }
            } catch (IOException e) {
                // the free space cannot be told: the run goes ahead, and a full disk ends it with its rows kept
            }
        }
        return null;
    }

    private static int runAndReport(LoadedScenario loaded, Path dir, RunControl control, boolean report,
                                    RunJob.Salvage salvage, Progress progress, PrintWriter stdout,
                                    PrintWriter err) {
        RunJob.Outcome outcome;
        try {
            outcome = RunJob.run(loaded, dir, control, report, salvage);
            if (progress != null) {
                progress.stop();
            }
        } catch (OutputFolderException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println(loaded.model().name() + ": cannot write the outputs: " + e.getMessage());
            return Main.ENGINE_FAILURE;
        }
        RunResult r = outcome.result();
        switch (r.status()) {
            case COMPLETED:
                stdout.printf(Locale.ROOT, "%s: completed, %d rows, %d steps, %d RHS evaluations, %.3f s "
                                + "integration; outputs in %s%n", loaded.model().name(), outcome.rows(), r.steps(),
                        r.rhsEvaluations(), r.integrationWallTimeS(), outcome.folder());
                return Main.OK;
            case INTERRUPTED:
                err.printf(Locale.ROOT, "%s: interrupted at t = %s s; the trace so far (%d rows) is in %s%n",
                        loaded.model().name(), r.failedAtS(), outcome.rows(), outcome.folder());
                return Main.INTERRUPTED;
            default:
                err.printf(Locale.ROOT, "%s: failed at t = %s s: %s%nthe trace so far (%d rows) is in %s%n",
                        loaded.model().name(), r.failedAtS(), r.error(), outcome.rows(), outcome.folder());
                return Main.ENGINE_FAILURE;
        }
    }

    /** Reads {@code --max-output}: bytes, or a number with kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB. */
    static final class ByteSize implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\\s*([kKMGTP]i?B?|B)?\\s*").matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size; expected bytes or a number with "
                        + "a unit, e.g. 50GB, 500MB, 2TB");
            }
            String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT).replace("B", "");
            double factor = switch (unit) {
                case "" -> 1;
                case "K" -> 1e3;
                case "M" -> 1e6;
                case "G" -> 1e9;
                case "T" -> 1e12;
                case "P" -> 1e15;
                case "KI" -> 1024.0;
                case "MI" -> 1024.0 * 1024;
                case "GI" -> 1024.0 * 1024 * 1024;
                case "TI" -> 1024.0 * 1024 * 1024 * 1024;
                case "PI" -> 1024.0 * 1024 * 1024 * 1024 * 1024;
                default -> throw new TypeConversionException("unknown unit in '" + value + "'");
            };
            double bytes = Double.parseDouble(m.group(1)) * factor;
            if (!(bytes >= 1) || bytes >= Long.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is not a usable size; give at least 1 byte");
            }
            return (long) bytes;
        }
    }
}
