package org.ionflux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.output.OutputFolderException;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.workflow.RunJob;

/**
 * The outcome of {@link Scenario#run()}: the trace in memory, column by column in output units (the columns and
 * units of {@code trace.csv}: {@code t_s}, {@code <membrane>.V_mV}, {@code <compartment>.<ion>_mM}, ...), how the
 * run ended, the solver's counts and the invariants. Immutable.
 *
 * <pre>{@code
 * Result r = Ionflux.load(Path.of("scenarios/ghk-relaxation.yaml")).run();
 * double[] t = r.column("t_s");
 * double[] k = r.column("cell.K_mM");
 * if (r.status().equals("completed")) {
 *     r.write(Path.of("results/runs/demo"));   // trace.csv, summary.json, plots
 * }
 * }</pre>
 */
public final class Result {

    private final Scenario scenario;
    private final RunJob.InMemory run;
    private final List<String> columns;

    Result(Scenario scenario, RunJob.InMemory run) {
        this.scenario = scenario;
        this.run = run;
        this.columns = run.trace().columns().stream().map(TraceColumns.Column::name).toList();
    }

    /** @return the scenario that ran */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the trace's column names, in order: the header of {@code trace.csv} */
    public List<String> columns() {
        return columns;
    }

    /** @return the number of trace rows (output times) */
    public int rowCount() {
        return run.trace().rows().size();
    }

    /**
     * @param name a column name, e.g. {@code cell.K_mM}
     * @return its values at every output time, in the column's output unit (a new array)
     * @throws IllegalArgumentException if there is no such column (the message lists them)
     */
    public double[] column(String name) {
        InMemoryTrace trace = run.trace();
        if (trace.indexOf(name) < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in this trace; its columns are "
                    + String.join(", ", columns));
        }
        return trace.column(name);
    }

    /**
     * @param name a column name
     * @return its value at the last row, in its output unit
     * @throws IllegalArgumentException if there is no such column, or no row at all
     */
    public double last(String name) {
        double[] values = column(name);
        if (values.length == 0) {
            throw new IllegalArgumentException("the trace has no row: the run failed before its first output time");
        }
        return values[values.length - 1];
    }

    /** @return {@code completed}, {@code failed} or {@code interrupted} */
    public String status() {
        return run.result().status().key();
    }

    /** @return true if the run reached its end (or its steady state, with {@code stop_at_steady_state}) */
    public boolean completed() {
        return run.result().status() == RunResult.Status.COMPLETED;
    }

    /** @return why the run failed or stopped, or null when it completed */
    public String error() {
        return run.result().error();
    }

    /** @return the simulated time of the failure, s, or NaN when it completed */
    public double failedAtS() {
        return run.result().failedAtS();
    }

    /** @return the solver's name, e.g. {@code rosenbrock} */
    public String solver() {
        return run.result().solverName();
    }

    /** @return accepted steps */
    public long steps() {
        return run.result().steps();
    }

    /** @return rejected steps, empty when the solver does not count them (the Commons Math solvers) */
    public OptionalLong rejectedSteps() {
        long n = run.result().rejectedSteps();
        return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** @return right-hand-side evaluations, those made for difference-quotient Jacobians included */
    public long rhsEvaluations() {
        return run.result().rhsEvaluations();
    }

    /** @return Jacobian evaluations */
    public long jacobianEvaluations() {
        return run.result().jacobianEvaluations();
    }

    /** @return wall time of the integration, s */
    public double integrationWallTimeS() {
        return run.result().integrationWallTimeS();
    }

    /** @return the largest relative drift of a species' total amount over the run (NaN where it does not apply) */
    public double maxRelativeMassError() {
        return run.result().maxRelativeMassError();
    }

    /** @return the largest relative drift of a compartment's charge invariant (NaN where it does not apply) */
    public double maxRelativeChargeError() {
        return run.result().maxRelativeChargeError();
    }

    /** @return the time the run stopped at steady state ({@code stop_at_steady_state}), s, or NaN */
    public double steadyStateReachedAtS() {
        return run.result().steadyStateAtS();
    }

    /**
     * Writes the files {@code ionflux run} writes ({@code trace.csv}, {@code summary.json}, the plots) into
     * {@code dir}, or into {@code dir.failed} when the run did not complete; {@code dir} is replaced only if it is
     * absent, empty or an earlier result.
     *
     * @return the folder the files are in
     * @throws IOException if the folder holds other files or cannot be written (nothing is written then)
     */
    public Path write(Path dir) throws IOException {
        try {
            return RunJob.write(scenario.loaded(), run, dir);
        } catch (OutputFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Result[%s, %s, %d rows, %d steps]", scenario.name(), status(), rowCount(),
                steps());
    }
}
