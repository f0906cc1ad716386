package org.ionflux.internal.solver;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.solver.stiff.LinearizationProvider;
import org.ionflux.internal.solver.stiff.LinearizedSystem;
import org.ionflux.internal.solver.stiff.NonFiniteDerivativeException;
import org.ionflux.internal.solver.stiff.RosenbrockIntegrator;
import org.ionflux.internal.solver.stiff.RosenbrockStepInterpolator;

/**
 * Runs a model from 0 to its duration and streams the state at every output time to a {@link StateSink}.
 *
 * <p>The run is cut into segments at every discontinuity (clamp steps); each segment is a fresh integration
 * that starts from the state where the previous one ended, with the parameters in force after the jump, so no
 * step straddles a jump (docs/physics.md section 9). Rows are sampled from the integrator's dense output at the exact
 * output times ({@link OutputTimes}); a row at a jump time is emitted once, from the segment that starts there.
 * A stop request ({@link RunControl}) or a steady state ({@code stop_at_steady_state}) ends the run at the end of
 * an accepted step, through Commons Math's {@link EventHandler.Action#STOP} ({@link StopAtStepEnd}).
 */
public final class Simulation {

    private final Model model;
    private final IonFluxSystem system;
    private final OutputTimes outputTimes;
    private boolean ran;

    /** Compiles {@code model} for a run. */
    public Simulation(Model model) {
        this.model = model;
        this.system = new IonFluxSystem(model);
        this.outputTimes = new OutputTimes(model.settings().durationS(), model.settings().outputIntervalS());
    }

    /** @return the compiled system this run integrates (its observables serve the trace columns) */
    public IonFluxSystem system() {
        return system;
    }

    /** @return the output times of this run */
    public OutputTimes outputTimes() {
        return outputTimes;
    }

    /** @return the sorted times in (0, duration) where the integration restarts, s */
    public double[] restartTimes() {
        return IonFluxSystem.jumpTimes(model).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Runs the model. Failures of the engine end the run with status failed; the rows already given to the
     * sink are kept by the caller.
     *
     * @param sink    receives the state at every output time
     * @param control lets another thread stop the run
     * @return counts, invariants and status
     */
    public RunResult run(StateSink sink, RunControl control) {
        if (ran) {
            throw new IllegalStateException("a Simulation runs once (events change its parameters): make a new one");
        }
        ran = true;
        StateLayout layout = system.layout();
        double[] y = system.initialState();
        FirstOrderIntegrator integrator = IntegratorFactory.create(model.settings(),
                layout.absoluteTolerances(model), layout.relativeTolerances(model));
        InvariantMonitor monitor = new InvariantMonitor(model, layout, y);
        FirstOrderDifferentialEquations equations = NanPolicy.equations(model.settings().solver(),
                new Equations(system));
        StopAtStepEnd stop = new StopAtStepEnd();
        Sampler sampler = new Sampler(sink, monitor, control, stop);
        integrator.addStepHandler(sampler);
        integrator.addEventHandler(stop, StopAtStepEnd.MAX_CHECK_INTERVAL, StopAtStepEnd.CONVERGENCE,
                StopAtStepEnd.MAX_ITERATIONS);

        double[] restarts = restartTimes();
        double duration = model.settings().durationS();
        long start = System.nanoTime();
        RunResult.Status status = RunResult.Status.COMPLETED;
        String error = null;
        double failedAt = Double.NaN;
        double steadyAt = Double.NaN;
        double segmentStart = 0.0;
        long jacobians = 0;
        long rejected = integrator instanceof RosenbrockIntegrator ? 0 : -1;
        try {
            for (int seg = 0; seg <= restarts.length && !stop.isSet(); seg++) {
                double segmentEnd = seg < restarts.length ? restarts[seg] : duration;
                boolean last = seg == restarts.length;
                system.startSegment(segmentStart);
                sampler.startSegment(segmentStart, segmentEnd, last, y);
                try {
                    integrator.integrate(equations, segmentStart, y, segmentEnd, y);
                } finally {
                    if (integrator instanceof RosenbrockIntegrator rosenbrock) {
                        jacobians += rosenbrock.getJacobianEvaluations();
                        rejected += rosenbrock.getRejectedSteps();
                    }
                }
                segmentStart = segmentEnd;
            }
        } catch (NonFiniteDerivativeException e) {
            status = RunResult.Status.FAILED;
            error = "the rate of change of the " + layout.describe(model, e.component()) + " is not finite at t = "
                    + e.time() + " s: a concentration that an ohmic or gated channel, a pump or a transporter needs "
                    + "has probably reached zero";
            failedAt = e.time();
        } catch (EngineFailure failure) {
            status = RunResult.Status.FAILED;
            error = failure.getMessage();
            failedAt = failure.timeS();
        } catch (MathIllegalStateException | org.apache.commons.math3.exception.MathIllegalArgumentException e) {
            status = RunResult.Status.FAILED;
            error = "the integrator " + model.settings().solver().key() + " failed: " + e.getMessage();
            if (e instanceof org.apache.commons.math3.exception.NumberIsTooSmallException) {
                error = "step size underflow at t = " + sampler.lastTime + " s: the state changes too fast for the "
                        + "smallest step allowed (" + IntegratorFactory.MIN_STEP_FRACTION + " of the duration); "
                        + "the model is very stiff (try solver: rosenbrock) or a value runs away (" + e.getMessage()
                        + ")";
            }
            failedAt = sampler.lastTime;
        }
        if (stop.isSet()) {
            // decided at the end of an accepted step: whatever the step after it did is discarded
            status = sampler.steady ? RunResult.Status.COMPLETED : RunResult.Status.INTERRUPTED;
            error = sampler.steady ? null : "interrupted by the user";
            failedAt = sampler.steady ? Double.NaN : stop.timeS();
            steadyAt = sampler.steady ? stop.timeS() : Double.NaN;
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        return new RunResult(status, model.settings().solver().key(), sampler.steps, rejected, system.evaluations(),
                jacobians, wall, monitor.maxMassError(), monitor.maxChargeError(), error, failedAt, steadyAt);
    }

    /**
     * The private adapter to Commons Math: the only place the model meets the integrator's interface. It offers
     * the Rosenbrock integrator the analytic Jacobian in block-tree form; Commons Math's integrators ignore it.
     */
    private static final class Equations implements LinearizationProvider {
        private final IonFluxSystem system;

        Equations(IonFluxSystem system) {
            this.system = system;
        }

        @Override
        public LinearizedSystem newLinearization() {
            return new BlockTreeLinearization(system);
        }

        /** Parameters are constant within a segment: f does not depend on t. */
        @Override
        public boolean isAutonomous() {
            return true;
        }

        @Override
        public int getDimension() {
            return system.dimension();
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            system.computeDerivatives(t, y, yDot);
        }
    }

    /**
     * Ends the integration at the end of the accepted step where the {@link Sampler} decided to stop, through
     * Commons Math's event mechanism ({@link EventHandler.Action#STOP}).
     *
     * <p>Commons Math 3.6.1 ({@code AbstractIntegrator.acceptStep}) evaluates the switching functions {@code g} of
     * an accepted step before any step handler sees that step: at the step end (and at every
     * {@code maxCheckInterval}), comparing the sign with that at the end of the previous step; on a sign change it
     * locates the root with a bracketing solver on the dense output (keeping the root at or just past the exact
     * one), calls {@code eventOccurred} there, gives the step handlers the step cut at the root with
     * {@code isLast = true} and returns the root as the end of the integration. A decision taken by a step handler
     * at the end {@code t_k} of step k can therefore only act on step k + 1: here {@code g} is -1 until the
     * decision and {@code t - t_k} afterwards, so it changes sign in step k + 1, the solver returns {@code t_k}
     * itself ({@code g(t_k)} is exactly 0 and an exact root at the bracket's end is returned as is), and the run
     * ends at {@code t_k} with the state of {@code t_k}. Step k + 1 is computed and discarded (its evaluations are
     * counted); its handler call covers [t_k, t_k] and the sampler ignores it.</p>
     */
    private static final class StopAtStepEnd implements EventHandler {
        /** One check per step: g is linear in t within a step. */
        static final double MAX_CHECK_INTERVAL = Double.POSITIVE_INFINITY;
        /**
         * Event time accuracy, s. Commons Math skips the events of a step shorter than this: only a step of zero
         * length may be skipped, since the event must be found in the step right after the decision.
         */
        static final double CONVERGENCE = Double.MIN_VALUE;
        /** Root-solver evaluations allowed (the root is found at the bracket's end, in two). */
        static final int MAX_ITERATIONS = 100;

        private double timeS = Double.NaN;

        /** Ends the run at {@code t}, the end of the step the sampler has just been given. */
        void stopAt(double t) {
            timeS = t;
        }

        boolean isSet() {
            return !Double.isNaN(timeS);
        }

        /** @return the end of the last step of the run, s (NaN while it goes on) */
        double timeS() {
            return timeS;
        }

        @Override
        public void init(double t0, double[] y0, double t) {
            // the decision outlives segments: it is taken once per run
        }

        @Override
        public double g(double t, double[] y) {
            return isSet() ? t - timeS : -1.0;
        }

        @Override
        public Action eventOccurred(double t, double[] y, boolean increasing) {
            return Action.STOP;
        }

        @Override
        public void resetState(double t, double[] y) {
            // STOP never resets
        }
    }

    /** Samples the dense output at the output times of the current segment and checks every step. */
    private final class Sampler implements StepHandler {
        private final StateSink sink;
        private final InvariantMonitor monitor;
        private final RunControl control;
        private final StopAtStepEnd stop;
        private long next;
        private long limit;
        private long steps;
        private double lastTime;
        private double lastEmitted = Double.NEGATIVE_INFINITY;
        private boolean lastSegment;
        /** True when the run stopped at steady state, false when a stop was requested (see {@link #stop}). */
        private boolean steady;
        private final boolean[] bookkeeping;
        private final double[] absoluteTolerance;
        /** The state of a row, reused (sinks copy what they keep). */
        private final double[] rowState;
        /** A box around the states of a step's rows ({@link StateSink#rowsWithin}), reused. */
        private final double[] rowsLowest;
        private final double[] rowsHighest;

        Sampler(StateSink sink, InvariantMonitor monitor, RunControl control, StopAtStepEnd stop) {
            this.sink = sink;
            this.monitor = monitor;
            this.control = control;
            this.stop = stop;
            StateLayout layout = system.layout();
            this.bookkeeping = new boolean[layout.dimension()];
            for (int i = 0; i < bookkeeping.length; i++) {
                bookkeeping[i] = layout.isBookkeeping(i);
            }
            this.absoluteTolerance = layout.absoluteTolerances(model);
            this.rowState = new double[layout.dimension()];
            this.rowsLowest = new double[layout.dimension()];
            this.rowsHighest = new double[layout.dimension()];
        }

        void startSegment(double startS, double endS, boolean last, double[] y0) {
            // rows from a restart time on belong to the segment that starts there
            this.limit = last ? outputTimes.count() : outputTimes.firstAtOrAfter(endS);
            this.lastSegment = last;
            this.lastTime = startS;
            // a row at the segment start shows the values after the jump
            sink.rowsWithin(null, null);
            while (next < limit && outputTimes.time(next) <= startS + OutputTimes.SNAP * outputTimes.intervalS()) {
                emit(outputTimes.time(next), y0);
            }
        }

        private void emit(double timeS, double[] y) {
            sink.sample(timeS, y);
            lastEmitted = timeS;
            next++;
        }

        /**
         * Every physical component changes by less than STEADY_STATE_RATE_PER_S of |y| + atol per second, at the
         * interpolator's last position (the last row of the step, or its end).
         */
        private boolean isSteady(StepInterpolator interpolator) {
            double[] y = interpolator.getInterpolatedState();
            double[] yDot = interpolator.getInterpolatedDerivatives();
            for (double rate : yDot) {
                if (!Double.isFinite(rate)) {
                    // adams-moulton's NordsieckStepInterpolator divides by t - t_end, 0/0 at the step end itself;
                    // one ulp earlier it gives the derivative at the end to rounding
                    interpolator.setInterpolatedTime(Math.nextDown(interpolator.getInterpolatedTime()));
                    yDot = interpolator.getInterpolatedDerivatives();
                    break;
                }
            }
            for (int i = 0; i < y.length; i++) {
                if (!bookkeeping[i] && !(Math.abs(yDot[i]) <= SimulationSettings.STEADY_STATE_RATE_PER_S
                        * (Math.abs(y[i]) + absoluteTolerance[i]))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void init(double t0, double[] y0, double t) {
            // rows at the segment start are emitted by startSegment
        }

        @Override
        public void handleStep(StepInterpolator interpolator, boolean isLast) {
            if (stop.isSet()) {
                // the step after the decision to stop, cut to [t_k, t_k] by StopAtStepEnd (or, if it was the last
                // of its segment, not cut): nothing of it belongs to the run
                return;
            }
            steps++;
            double current = interpolator.getCurrentTime();
            lastTime = current;
            control.progress(current, steps);
            interpolator.setInterpolatedTime(current);
            double[] end = interpolator.getInterpolatedState();
            EngineFailure failure = null;
            try {
                monitor.check(current, end);
                monitor.record(end);
            } catch (EngineFailure f) {
                failure = f;
            }
            // the rows of this step (and a last row at its end): the Rosenbrock dense output bounds them all at once
            if (interpolator instanceof RosenbrockStepInterpolator rosenbrock) {
                rosenbrock.stateBounds(rowsLowest, rowsHighest);
                sink.rowsWithin(rowsLowest, rowsHighest);
            } else {
                sink.rowsWithin(null, null);
            }
            while (next < limit) {
                double t = outputTimes.time(next);
                if (t > current && !isLast) {
                    break;
                }
                double[] state;
                if (interpolator instanceof RosenbrockStepInterpolator rosenbrock) {
                    // the same bits without the derivatives (a row needs the state alone)
                    rosenbrock.stateAt(Math.min(t, current), rowState);
                    state = rowState;
                } else {
                    interpolator.setInterpolatedTime(Math.min(t, current));
                    state = interpolator.getInterpolatedState();
                }
                if (failure != null) {
                    // the step ended in a bad state: its rows are checked one by one, and those before the
                    // first bad one are kept
                    monitor.check(Math.min(t, current), state);
                }
                emit(t, state);
            }
            if (failure != null) {
                throw failure;
            }
            if (control.isStopRequested()) {
                stop.stopAt(current);
                return;
            }
            // only once nothing more is scheduled (no clamp step, stimulus edge or event ahead)
            if (lastSegment && model.settings().stopAtSteadyState() && isSteady(interpolator)) {
                interpolator.setInterpolatedTime(current);
                if (lastEmitted < current) {
                    emit(current, interpolator.getInterpolatedState());
                }
                steady = true;
                stop.stopAt(current);
            }
        }
    }
}
