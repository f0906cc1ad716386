package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.workflow.RunJob;
import org.ionflux.internal.scenario.LoadedScenario;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux run SCENARIO [--out DIR]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate a scenario and write trace.csv, summary.json and plots into DIR.")
final class RunCommand implements Callable<Integer> {

    /** How long a Ctrl-C waits for the partial result to be written, s. */
    static final long INTERRUPT_GRACE_S = 60;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    private Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/runs/<name>/)")
    private Path out;

    @Option(names = "--report", description = "also write report.html, as 'ionflux report DIR' would")
    private boolean report;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LoadedScenario loaded = ScenarioLoading.load(scenario, err);
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        Path dir = out != null ? out : Path.of("results", "runs", loaded.model().name());
        RunControl control = new RunControl();
        // Ctrl-C (SIGINT) starts the JVM's shutdown: the hook asks the run to stop, then waits until the partial
        // result is in DIR.failed and the message printed; when it returns, the JVM exits with 130 (128 + SIGINT)
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                finished.await(INTERRUPT_GRACE_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ionflux-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runAndReport(loaded, dir, control, report, stdout, err);
        } finally {
            stdout.flush();
            err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting on a signal; it exits with 130 once the hook returns
            }
        }
    }

    private static int runAndReport(LoadedScenario loaded, Path dir, RunControl control, boolean report,
                                    PrintWriter stdout, PrintWriter err) {
        RunJob.Outcome outcome;
        try {
            outcome = RunJob.run(loaded, dir, control, report);
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
}
