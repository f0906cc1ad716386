package org.ionflux.bench;

import java.util.concurrent.TimeUnit;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.InMemoryTrace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: a resting cell is the stiff problem ionflux exists for (V settles in ~0.3 ms, concentrations and volume in
 * minutes). This times one whole run of the Kay 2017 pump-leak cell, 3600 s at rtol 1e-6 (atol 1e-9), every
 * column recorded at 1 s into memory as {@code ionflux bench} does, with each solver; the issue compares it with
 * SUNDIALS CVODE's 0.76 ms. The counts (steps, RHS and Jacobian evaluations) and the error against a rtol 1e-12
 * reference come from {@link AccuracyReport}. The explicit solvers take seconds per run here: run them with few
 * iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StiffRunBenchmark {

    /** Solver, by scenario name. */
    @Param({"rosenbrock", "dormand-prince-853", "dormand-prince-54", "adams-moulton", "gragg-bulirsch-stoer"})
    public String solver;

    /** Relative tolerance (atol = 1e-9 at 1e-6, rtol x 1e-3 in general). */
    @Param({"1e-6"})
    public double rtol;

    private Model model;

    @Setup
    public void build() {
        model = Models.pumpLeakCell(Models.solver(solver), rtol, rtol * AccuracyReport.ATOL_PER_RTOL,
                AccuracyReport.STIFF_DURATION_S, AccuracyReport.STIFF_OUTPUT_S);
    }

    @Benchmark
    public InMemoryTrace run() {
        return Models.runInMemory(model);
    }
}
