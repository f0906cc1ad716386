package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ionflux.ScenarioException;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.workflow.sweep.Progress;
import org.ionflux.internal.workflow.sweep.SweepControl;
import org.ionflux.internal.workflow.sweep.SweepJob;
import org.ionflux.internal.workflow.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux sweep SWEEP_FILE [--out DIR] [--threads N] [--resume] [--traces]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every variant of a sweep file and write sweep.csv (one row per variant) and one plot per "
                + "metric and parameter into DIR.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SWEEP_FILE", description = "sweep file (.yaml, .yml or .json)")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/sweeps/<name>/)")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "threads running variants (default: all cores)")
    private Integer threads;

    @Option(names = "--resume", description = "keep the rows of an interrupted run of the same sweep in DIR and run "
            + "only the variants without a row")
    private boolean resume;

    @Option(names = "--traces", description = "also write each variant's run outputs into DIR/variants/<variant>/")
    private boolean traces;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            err.println("--threads must be at least 1, found " + n);
            return Main.BAD_INPUT;
        }
        SweepPlan plan;
        try {
            plan = SweepPlan.load(file, n);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        plan.definition().base().warnings().forEach(w -> err.println(w.format()));
        String name = plan.definition().name();
        Path dir = out != null ? out : SweepJob.defaultFolder(plan.definition());
        SweepControl control = new SweepControl();
        // Ctrl-C: stop the variants running, write the rows that are in order, then exit with 130
        StopOnSignal signals = StopOnSignal.install(control::requestStop);
        try {
            // on a terminal only, as run decides: stderr itself, not the console (stdin and stdout)
            Progress progress = org.ionflux.internal.cli.Progress.stderrIsTerminal() ? Progress.line(err, name)
                    : Progress.none();
            SweepJob.Outcome o;
            try {
                o = SweepJob.run(plan, dir, n, resume, traces, progress, control);
            } catch (OutputFolderException e) {
                err.println(e.getMessage());
                return Main.BAD_INPUT;
            } catch (IOException e) {
                err.println(name + ": cannot write the outputs: " + e.getMessage());
                return Main.ENGINE_FAILURE;
            }
            if (!o.finished()) {
                err.printf(Locale.ROOT, "%s: interrupted; %d of %d variants have their row in %s; run the same command "
                        + "with --resume to run the others%n", name, o.completed() + o.failed(), o.variants(),
                        o.folder().resolve("sweep.csv"));
                return Main.INTERRUPTED;
            }
            stdout.printf(Locale.ROOT, "%s: %d variants, %d completed, %d failed%s; %.1f s on %d thread%s; sweep.csv "
                            + "and %d plots in %s%n", name, o.variants(), o.completed(), o.failed(),
                    o.kept() > 0 ? " (" + o.kept() + " rows kept from the earlier run)" : "", o.wallS(), n,
                    n == 1 ? "" : "s", o.plots().size(), o.folder());
            if (o.failed() > 0) {
                err.printf(Locale.ROOT, "%s: %d variant%s failed; the reasons are in the message column of %s%n",
                        name, o.failed(), o.failed() == 1 ? "" : "s", o.folder().resolve("sweep.csv"));
                return Main.ENGINE_FAILURE;
            }
            return Main.OK;
        } finally {
            stdout.flush();
            err.flush();
            signals.release();
        }
    }
}
