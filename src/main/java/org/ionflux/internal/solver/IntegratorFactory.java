package org.ionflux.internal.solver;

import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.AdamsMoultonIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.solver.stiff.RosenbrockIntegrator;

/** Makes the integrator named by {@code simulation.solver}, with per-component tolerances. */
final class IntegratorFactory {

    /** Smallest step, as a fraction of the run: below it the run fails with a step size underflow. */
    static final double MIN_STEP_FRACTION = 1e-14;
    /** Steps of the Adams-Moulton method (Commons Math's documented typical choice). */
    static final int ADAMS_STEPS = 4;

    /**
     * Error reported for a trial step whose estimate is NaN: large enough that the step is rejected and shrunk
     * by the integrator's largest reduction.
     */
    static final double NAN_ERROR = 1e6;

    private IntegratorFactory() {
    }

    /**
     * Commons Math accepts a step whose error estimate is NaN ({@code error >= 1} is false), which lets a trial
     * stage that left the physical domain (a concentration driven below zero inside one step) poison the state.
     * These subclasses report such an estimate as a large error, so the step is rejected and retried smaller,
     * as Hairer's codes do.
     */
    private static final class NanSafeDormandPrince853 extends DormandPrince853Integrator {
        NanSafeDormandPrince853(double minStep, double maxStep, double[] absTol, double[] relTol) {
            super(minStep, maxStep, absTol, relTol);
        }

        @Override
        protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
            double error = super.estimateError(yDotK, y0, y1, h);
            return Double.isNaN(error) ? NAN_ERROR : error;
        }
    }

    /** As {@link NanSafeDormandPrince853}, for Dormand-Prince 5(4). */
    private static final class NanSafeDormandPrince54 extends DormandPrince54Integrator {
        NanSafeDormandPrince54(double minStep, double maxStep, double[] absTol, double[] relTol) {
            super(minStep, maxStep, absTol, relTol);
        }

        @Override
        protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
            double error = super.estimateError(yDotK, y0, y1, h);
            return Double.isNaN(error) ? NAN_ERROR : error;
        }
    }

    static FirstOrderIntegrator create(SimulationSettings settings, double[] absoluteTolerance,
                                       double[] relativeTolerance) {
        double maxStep = settings.durationS();
        double minStep = settings.durationS() * MIN_STEP_FRACTION;
        return switch (settings.solver()) {
            case DORMAND_PRINCE_853 -> new NanSafeDormandPrince853(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case DORMAND_PRINCE_54 -> new NanSafeDormandPrince54(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case GRAGG_BULIRSCH_STOER -> new GraggBulirschStoerIntegrator(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case ADAMS_MOULTON -> new AdamsMoultonIntegrator(ADAMS_STEPS, minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case CLASSICAL_RK4 -> new ClassicalRungeKuttaIntegrator(settings.fixedStepS());
            case ROSENBROCK -> new RosenbrockIntegrator(minStep, maxStep, absoluteTolerance, relativeTolerance);
        };
    }
}
