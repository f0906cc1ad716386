package org.ionflux.internal.model;

import java.util.List;

/**
 * How to run a model.
 *
 * @param durationS        simulated time, s
 * @param outputIntervalS  interval between trace rows, s
 * @param solver           integrator
 * @param relativeTolerance rtol, dimensionless
 * @param absoluteTolerance atol, in output units (mM, mV, pL, 1; docs/scenario-format.md)
 * @param fixedStepS       step of a fixed-step solver, s (NaN when not given)
 * @param record           glob patterns of trace columns to record (empty: all)
 * @param stopAtSteadyState end the run once every derivative is below {@link #STEADY_STATE_RATE_PER_S}, after
 *                         the last scheduled jump (clamp step, stimulus edge, event)
 * @param plot             glob patterns of the recorded columns to plot (empty: all); the CSV keeps every
 *                         recorded column
 */
public record SimulationSettings(double durationS, double outputIntervalS, SolverKind solver,
                                 double relativeTolerance, double absoluteTolerance, double fixedStepS,
                                 List<String> record, boolean stopAtSteadyState, List<String> plot) {

    /** Settings that plot every recorded column. */
    public SimulationSettings(double durationS, double outputIntervalS, SolverKind solver, double relativeTolerance,
                              double absoluteTolerance, double fixedStepS, List<String> record,
                              boolean stopAtSteadyState) {
        this(durationS, outputIntervalS, solver, relativeTolerance, absoluteTolerance, fixedStepS, record,
                stopAtSteadyState, List.of());
    }

    /**
     * Steady state (for {@code stop_at_steady_state}): every state component changes by less than this fraction
     * of {@code |y| + atol} per second, 1/s.
     */
    public static final double STEADY_STATE_RATE_PER_S = 1e-6;

    /** Settings that run to the end. */
    public SimulationSettings(double durationS, double outputIntervalS, SolverKind solver, double relativeTolerance,
                              double absoluteTolerance, double fixedStepS, List<String> record) {
        this(durationS, outputIntervalS, solver, relativeTolerance, absoluteTolerance, fixedStepS, record, false);
    }

    /** Default rtol (docs/scenario-format.md). */
    public static final double DEFAULT_RTOL = 1e-6;
    /** Default atol, output units (docs/scenario-format.md). */
    public static final double DEFAULT_ATOL = 1e-9;

    /** Checks the fields and copies the list. */
    public SimulationSettings {
        Checks.positiveFinite(durationS, "duration");
        Checks.positiveFinite(outputIntervalS, "output_interval");
        Checks.positiveFinite(relativeTolerance, "rtol");
        Checks.positiveFinite(absoluteTolerance, "atol");
        if (solver.isFixedStep()) {
            Checks.positiveFinite(fixedStepS, "step");
        }
        record = List.copyOf(record);
        plot = List.copyOf(plot);
    }

    /** @return a copy with another solver and tolerances */
    public SimulationSettings withSolver(SolverKind newSolver, double rtol, double atol) {
        return new SimulationSettings(durationS, outputIntervalS, newSolver, rtol, atol, fixedStepS, record,
                stopAtSteadyState, plot);
    }

    /** @return a copy with another duration and output interval */
    public SimulationSettings withTimes(double newDurationS, double newOutputIntervalS) {
        return new SimulationSettings(newDurationS, newOutputIntervalS, solver, relativeTolerance,
                absoluteTolerance, fixedStepS, record, stopAtSteadyState, plot);
    }

    /** @return a copy that stops (or not) at steady state */
    public SimulationSettings withStopAtSteadyState(boolean stop) {
        return new SimulationSettings(durationS, outputIntervalS, solver, relativeTolerance, absoluteTolerance,
                fixedStepS, record, stop, plot);
    }
}
