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
 * solver states of a real run of the Kay pump-leak cell (3600 s, rtol 1e-6), with every column and with subsets
 * that split its cost ({@link #record}), and one right-hand side on the same states for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TraceRowBenchmark {

    /**
     * Recorded columns: {@code all} (23 besides t_s), {@code state} (V, the cell's concentrations and volume, what
     * CVODE keeps), and the state with one kind more, to split a row's cost: {@code state+bath} (the bath's five
     * clamped concentrations), {@code state+nernst} (three Nernst potentials: a logarithm each), {@code state+I_Na}
     * (one current: every term's rates and the pinned-current check, {@code PinnedCurrents}).
     */
    @Param({"all", "state", "state+bath", "state+nernst", "state+I_Na"})
    public String record;

    static final int ROWS = 3601;
    /**
     * Rows per solver step, as in the run (3601 rows in 100 steps): a run announces each step's box
     * ({@code TraceColumns.rowsWithin}), within which the pinned-current check bounds the rows once; here the box of
     * each block of this many consecutive states.
     */
    static final int ROWS_PER_STEP = 36;

    private IonFluxSystem system;
    private TraceColumns columns;
    private double[][] states;
    private double[][][] boxes;
    private double[] row;
    private double[] yDot;

    @Setup
    public void build() {
        Model model = model();
        states = states(model);
        boxes = boxes(states);
        system = new IonFluxSystem(model);
        columns = new TraceColumns(system, patterns(record));
        row = new double[columns.size()];
        yDot = new double[system.dimension()];
    }

    /** @return the pump-leak cell of the stiff benchmark (rosenbrock, rtol 1e-6, 3600 s, output every 1 s) */
    static Model model() {
        return Models.pumpLeakCell(SolverKind.ROSENBROCK, 1e-6, 1e-9, AccuracyReport.STIFF_DURATION_S,
                AccuracyReport.STIFF_OUTPUT_S);
    }

    /** @return the solver states of the rows of a run of {@code model} ({@link #ROWS} of them) */
    static double[][] states(Model model) {
        Simulation simulation = new Simulation(model);
        List<double[]> sampled = new ArrayList<>();
        simulation.run((timeS, y) -> sampled.add(y.clone()), new RunControl());
        if (sampled.size() != ROWS) {
            throw new IllegalStateException(sampled.size() + " rows");
        }
        return sampled.toArray(new double[0][]);
    }

    /** @return per block of {@link #ROWS_PER_STEP} states, its componentwise lowest and highest state */
    static double[][][] boxes(double[][] states) {
        int blocks = (states.length + ROWS_PER_STEP - 1) / ROWS_PER_STEP;
        double[][][] boxes = new double[blocks][2][];
        for (int b = 0; b < blocks; b++) {
            double[] low = states[b * ROWS_PER_STEP].clone();
            double[] high = low.clone();
            for (int i = b * ROWS_PER_STEP; i < Math.min(states.length, (b + 1) * ROWS_PER_STEP); i++) {
                for (int k = 0; k < low.length; k++) {
                    low[k] = Math.min(low[k], states[i][k]);
                    high[k] = Math.max(high[k], states[i][k]);
                }
            }
            boxes[b][0] = low;
            boxes[b][1] = high;
        }
        return boxes;
    }

    /** Fills the rows of every state, announcing each block's box first, as a run does; returns a checksum. */
    static double fillAll(TraceColumns columns, double[][] states, double[][][] boxes, double[] row) {
        double sum = 0;
        for (int i = 0; i < states.length; i++) {
            if (i % ROWS_PER_STEP == 0) {
                double[][] box = boxes[i / ROWS_PER_STEP];
                columns.rowsWithin(box[0], box[1]);
            }
            columns.fill(i, states[i], row);
            sum += row[row.length - 1];
        }
        return sum;
    }

    /** @return the record patterns of a {@link #record} value */
    static List<String> patterns(String record) {
        return switch (record) {
            case "all" -> List.of();
            case "state" -> List.of("*.V_mV", "cell.*");
            case "state+bath" -> List.of("*.V_mV", "cell.*", "bath.*");
            case "state+nernst" -> List.of("*.V_mV", "cell.*", "*.E_*");
            case "state+I_Na" -> List.of("*.V_mV", "cell.*", "*.I_Na_*");
            default -> throw new IllegalArgumentException(record);
        };
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double fill() {
        return fillAll(columns, states, boxes, row);
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
