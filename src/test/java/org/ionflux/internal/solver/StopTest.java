package org.ionflux.internal.solver;

import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceRecorder;
import org.ionflux.internal.output.TraceSink;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every solver ends a run early in the two ways a run may end early: a stop request ({@link RunControl}, Ctrl-C)
 * and {@code stop_at_steady_state}. The run ends at the end of an accepted step, the rows up to it are exactly
 * those of the full run, and no segment starts after it.
 */
class StopTest {

    /** Fixed step of classical-rk4, s: 1/600 of the shortest time constant below. */
    static final double RK4_STEP_S = 0.005;

    /** A K cell clamped in four pieces (restarts at 0.3, 0.35 and 0.7 s), tau ~ 3 s. */
    private static final String STEPPED = """
            name: stepped
            temperature: 37 degC
            ions: {K: {charge: 1}}
            compartments:
              cell: {volume: 1 pL, concentrations: {K: 140}}
              bath: {volume: 1 mL, clamped: true, concentrations: {K: 5}}
            membranes:
              plasma:
                inside: cell
                outside: bath
                area: 1000 um^2
                potential: {mode: clamp, steps: [{at: 0 s, value: -80 mV}, {at: 0.3 s, value: -20 mV},
                                                 {at: 0.35 s, value: 10 mV}, {at: 0.7 s, value: -60 mV}]}
                channels: [{ion: K, permeability: 1e-4 cm/s}]
            simulation: {duration: 1.05, output_interval: 0.05, rtol: 1e-8, atol: 1e-12}
            """;

    private static Model withSolver(Model model, SolverKind kind, boolean stopAtSteadyState) {
        SimulationSettings s = model.settings();
        return model.withSettings(new SimulationSettings(s.durationS(), s.outputIntervalS(), kind,
                s.relativeTolerance(), s.absoluteTolerance(), RK4_STEP_S, s.record(), stopAtSteadyState));
    }

    /** Asks the run to stop once it has received {@code rows} rows, as a Ctrl-C handler would. */
    private static final class StoppingTrace implements TraceSink {
        final InMemoryTrace trace = new InMemoryTrace();
        final RunControl control = new RunControl();
        private final int rows;

        StoppingTrace(int rows) {
            this.rows = rows;
        }

        @Override
        public void begin(List<TraceColumns.Column> columns) {
            trace.begin(columns);
        }

        @Override
        public void row(double[] row) {
            trace.row(row);
            if (trace.rows().size() == rows) {
                control.requestStop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void aStopRequestEndsTheRunAtTheEndOfTheStepKeepingEveryRow(SolverKind kind) {
        Model model = withSolver(Scenarios.yaml(STEPPED), kind, false);
        Scenarios.Run full = Scenarios.run(model);
        assertThat(full.result().status()).isEqualTo(RunResult.Status.COMPLETED);

        // the 9th row is t = 0.4 s, in the third of four segments
        StoppingTrace sink = new StoppingTrace(9);
        Simulation simulation = new Simulation(model);
        RunResult stopped = simulation.run(new TraceRecorder(simulation.system(), model.settings().record(), sink),
                sink.control);

        assertThat(stopped.status()).isEqualTo(RunResult.Status.INTERRUPTED);
        assertThat(stopped.error()).isEqualTo("interrupted by the user");
        assertThat(stopped.steadyStateAtS()).isNaN();
        double end = stopped.failedAtS();
        // the end of the step that emitted the 9th row: no later segment (from 0.7 s) starts
        assertThat(end).isGreaterThanOrEqualTo(0.4).isLessThanOrEqualTo(0.7);
        assertThat(stopped.steps()).isLessThan(full.result().steps());
        assertThat(stopped.rhsEvaluations()).isLessThan(full.result().rhsEvaluations());
        List<double[]> rows = sink.trace.rows();
        List<double[]> all = full.trace().rows();
        assertThat(rows.size()).isGreaterThanOrEqualTo(9).isLessThan(all.size());
        for (int k = 0; k < rows.size(); k++) {
            assertThat(rows.get(k)).as("row %d", k).containsExactly(all.get(k));
        }
        // every row up to the end of the run is kept (a row at a restart time belongs to the segment after it)
        assertThat(rows.get(rows.size() - 1)[0]).isLessThanOrEqualTo(end);
        assertThat(all.get(rows.size())[0]).isGreaterThan(end - OutputTimes.SNAP * 0.05);
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void steadyStateEndsTheRunAtTheFirstSteadyStepEndWithARowThere(SolverKind kind) {
        // ghk-relaxation: c - c_eq = 107.54 mM exp(-t / 29.36 s) towards c_eq = 32.46 mM; steady (|dc/dt| below
        // 1e-6 c per second) from t* = 29.36 s ln(107.54 / (29.36 s * 1e-6 / s * 32.46)) = 341.6 s on
        Model relaxation = Scenarios.shipped("ghk-relaxation");
        Scenarios.Run full = Scenarios.run(withSolver(relaxation, kind, false));
        Scenarios.Run run = Scenarios.run(withSolver(relaxation, kind, true));

        assertThat(run.result().status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(full.result().steadyStateAtS()).isNaN();
        double steady = run.result().steadyStateAtS();
        assertThat(run.result().rhsEvaluations()).isLessThan(full.result().rhsEvaluations());
        if (kind == SolverKind.ROSENBROCK) {
            // one Jacobian per accepted step: the step after the decision is computed, then cut to nothing
            assertThat(run.result().jacobianEvaluations()).isEqualTo(run.result().steps() + 1);
        }
        assertThat(steady).isBetween(341.6 * 0.99, 400.0);
        double[] t = run.trace().column("t_s");
        assertThat(t[t.length - 1]).isEqualTo(steady);
        assertThat(t[t.length - 2]).isLessThan(steady);
        List<double[]> rows = run.trace().rows();
        for (int k = 0; k < rows.size() - 1; k++) {
            assertThat(rows.get(k)).as("row %d", k).containsExactly(full.trace().rows().get(k));
        }
        double cEq = full.trace().column("cell.K_mM")[full.trace().rows().size() - 1];
        double c = run.trace().column("cell.K_mM")[rows.size() - 1];
        assertThat((c - cEq) / 29.36).as("dc/dt at the last row, mM/s").isLessThan(1.01e-6 * c);
    }
}
