package org.ionflux.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.solver.RunResult;
import org.ionflux.internal.solver.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: a tissue is many cells sharing one extracellular space, and the block-tree (Hines-style) linearization
 * promises cost linear in the number of compartments. This times 10 s of N perturbed pump-leak cells around one
 * ECS (rosenbrock, rtol 1e-6; see {@link Models#cellsAroundSpace}) for N = 10 .. 10000; divide by 10 for the time
 * per simulated second. Linear means t(10000) / t(100) close to 100 (the target is at most 130). The fork gets
 * 2 GiB of heap, so the 10000-cell run also checks that it fits there. The Simulation is compiled outside the
 * timed part (as the {@code bench} command times integration only; a per-invocation setup is fine here because
 * one run takes milliseconds to seconds). AverageTime rather than SingleShot, so that small N runs warm.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class ScalingBenchmark {

    /** Simulated time, s. */
    public static final double DURATION_S = 10;
    /** Output interval, s. */
    public static final double OUTPUT_S = 1;
    /** Recorded columns: the ECS, the first cell and its membrane. */
    public static final List<String> RECORD = List.of("ecs.*", "c0.*", "m0.*");

    /** Number of cells. */
    @Param({"10", "100", "1000", "10000"})
    public int cells;

    private Model model;
    private Simulation simulation;

    /** The scaling model of {@code n} cells (rosenbrock, rtol 1e-6, atol 1e-9, 10 s, output 1 s). */
    public static Model model(int n) {
        return Models.cellsAroundSpace(n, SolverKind.ROSENBROCK, 1e-6, 1e-9, DURATION_S, OUTPUT_S, RECORD);
    }

    @Setup(Level.Trial)
    public void build() {
        model = model(cells);
    }

    @Setup(Level.Invocation)
    public void compile() {
        simulation = new Simulation(model);
    }

    @Benchmark
    public RunResult run() {
        RunResult r = Models.run(simulation, new InMemoryTrace());
        if (r.status() != RunResult.Status.COMPLETED) {
            throw new IllegalStateException(r.error());
        }
        return r;
    }
}
