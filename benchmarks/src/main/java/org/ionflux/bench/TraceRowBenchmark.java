package org.ionflux.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.RunControl;
import org.ionflux.internal.solver.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why (issue 12): the pump-leak run of {@code bench} writes 3601 trace rows in 100 steps, so the cost of one row
 * (the recorded columns of an interpolated state: the terms' rates for the currents and fluxes, one logarithm per
 * Nernst column) weighs as much as the integration. This times {@code TraceColumns.fill} per row over the 3601
 * solver states of a real run of the Kay pump-leak cell (3600 s, rtol 1e-6), with every column ({@code all}, 23
 * besides t_s) and with the state only ({@code state}: V, the cell's concentrations and volume, what CVODE keeps),
 * and one right-hand side on the same states for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TraceRowBenchmark {

    /** Recorded columns: {@code all} or {@code state}. */
    @Param({"all", "state"})
    public String record;

    private static final int ROWS = 3601;

    private IonFluxSystem system;
    private TraceColumns columns;
    private double[][] states;
    private double[] row;
    private double[] yDot;

    @Setup
    public void build() {
        Model model = Models.pumpLeakCell(SolverKind.ROSENBROCK, 1e-6, 1e-9, AccuracyReport.STIFF_DURATION_S,
                AccuracyReport.STIFF_OUTPUT_S);
        Simulation simulation = new Simulation(model);
        List<double[]> sampled = new ArrayList<>();
        simulation.run((timeS, y) -> sampled.add(y.clone()), new RunControl());
        if (sampled.size() != ROWS) {
            throw new IllegalStateException(sampled.size() + " rows");
        }
        states = sampled.toArray(new double[0][]);
        system = new IonFluxSystem(model);
        columns = new TraceColumns(system, record.equals("all") ? List.of() : List.of("*.V_mV", "cell.*"));
        row = new double[columns.size()];
        yDot = new double[system.dimension()];
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double fill() {
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            columns.fill(i, states[i], row);
            sum += row[row.length - 1];
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double rhs() {
        double sum = 0;
        for (int i = 0; i < ROWS; i++) {
            system.computeDerivatives(0.0, states[i], yDot);
            sum += yDot[0];
        }
        return sum;
    }
}
