package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.workflow.check.CheckInputException;
import org.ionflux.internal.workflow.check.CheckPlan;
import org.ionflux.internal.workflow.check.CheckRunner;
import org.ionflux.internal.workflow.check.JUnitReport;
import org.ionflux.internal.workflow.check.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ionflux check [PATH...] [--reference DIR] [--out DIR] [--junit FILE] [--threads N] [--update]}
 * (WORKFLOWS.md section 2): runs scenarios and compares their traces with reference traces; one line per scenario,
 * then {@code <P> passed, <F> failed}. Standard output does not depend on the number of threads; the wall time
 * goes to standard error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run scenarios and compare their traces with reference traces (regression checks, e.g. in CI).",
                "A value passes when |run - ref| <= atol + rtol |ref| (defaults: rtol 1e-5; atol 1e-3 mV, 1e-6 mM, "
                        + "1e-9 pL, 1e-6 uA/cm^2, 1e-6 fmol/s, 1e-6 for gates; a scenario's 'check:' section may "
                        + "change them). Exit 0 if every scenario passed, 1 if any failed, 2 for bad arguments."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "scenario files or folders (every *.yaml, *.yml "
            + "and *.json directly inside, in name order); default scenarios/")
    private List<Path> paths;

    @Option(names = "--reference", paramLabel = "DIR", description = "reference traces, DIR/<name>/trace.csv "
            + "(default results/reference)")
    private Path reference;

    @Option(names = "--out", paramLabel = "DIR", description = "where each run's outputs go, DIR/<name>/ "
            + "(default results/check)")
    private Path out;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write a JUnit XML report for CI servers")
    private Path junit;

    @Option(names = "--threads", paramLabel = "N", description = "scenarios run at once (default: all cores)")
    private Integer threads;

    @Option(names = "--update", description = "write the references from new runs instead of comparing "
            + "(prints new, unchanged or changed for each)")
    private boolean update;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        int n = threads != null ? threads : CheckPlan.Options.defaultThreads();
        CheckPlan plan;
        try {
            plan = CheckPlan.prepare(new CheckPlan.Options(paths, reference, out, junit, n, update));
        } catch (CheckInputException e) {
            e.getMessage().lines().forEach(line -> err.println("check: " + line));
            err.flush();
            return Main.BAD_INPUT;
        }
        for (CheckPlan.Entry entry : plan.entries()) {
            if (entry.readable()) {
                entry.loaded().warnings().forEach(w -> err.println(w.format()));
            }
        }
        err.flush();

        RunControl control = new RunControl();
        // Ctrl-C: the runs stop at their next step, those not started are not run, the report is finished
        StopOnSignal signals = StopOnSignal.install(control::requestStop);
        try {
            List<Verdict> verdicts;
            try {
                verdicts = CheckRunner.run(plan, control, v -> {
                    stdout.println(v.line());
                    stdout.flush();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("check: interrupted");
                return Main.INTERRUPTED;
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            stdout.println(closingLine(verdicts, update));
            stdout.flush();
            int used = Math.min(n, Math.max(1, verdicts.size()));
            err.printf(Locale.ROOT, "check: %d scenario%s in %.2f s wall time on %d thread%s%n", verdicts.size(),
                    verdicts.size() == 1 ? "" : "s", wall, used, used == 1 ? "" : "s");
            if (junit != null) {
                try {
                    JUnitReport.write(junit, verdicts, wall);
                } catch (IOException e) {
                    err.println("check: cannot write the JUnit report: " + e.getMessage());
                    return Main.BAD_INPUT;
                }
            }
            if (control.isStopRequested()) {
                return Main.INTERRUPTED;
            }
            return verdicts.stream().allMatch(Verdict::passed) ? Main.OK : Main.ENGINE_FAILURE;
        } finally {
            stdout.flush();
            err.flush();
            signals.release();
        }
    }

    /**
     * @return {@code <P> passed, <F> failed}; with {@code --update}:
     *     {@code <n> new, <u> unchanged, <c> changed, <f> failed}
     */
    static String closingLine(List<Verdict> verdicts, boolean update) {
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        if (!update) {
            return (verdicts.size() - failed) + " passed, " + failed + " failed";
        }
        return count(verdicts, Verdict.Outcome.NEW) + " new, " + count(verdicts, Verdict.Outcome.UNCHANGED)
                + " unchanged, " + count(verdicts, Verdict.Outcome.CHANGED) + " changed, " + failed + " failed";
    }

    private static long count(List<Verdict> verdicts, Verdict.Outcome outcome) {
        return verdicts.stream().filter(v -> v.outcome() == outcome).count();
    }
}
