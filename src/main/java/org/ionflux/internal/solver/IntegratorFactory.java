package org.ionflux.internal.solver;

import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.AdamsMoultonIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.ionflux.internal.model.SimulationSettings;
import org.ionflux.internal.solver.stiff.RosenbrockIntegrator;

/** Makes the integrator named by {@code simulation.solver}, with per-component tolerances. */
final class IntegratorFactory {

    /** Smallest step, as a fraction of the run: below it the run fails with a step size underflow. */
    static final double MIN_STEP_FRACTION = 1e-14;
    /** Steps of the Adams-Moulton method (Commons Math's documented typical choice). */
    static final int ADAMS_STEPS = 4;

    private IntegratorFactory() {
    }

    /**
     * @param settings          solver, duration (the largest step; 1e-14 of it is the smallest) and fixed step
     * @param absoluteTolerance atol per state component, state units
     * @param relativeTolerance rtol per state component
     * @return the integrator, rejecting NaN error estimates where it has one ({@link NanPolicy})
     */
    static FirstOrderIntegrator create(SimulationSettings settings, double[] absoluteTolerance,
                                       double[] relativeTolerance) {
        double maxStep = settings.durationS();
        double minStep = settings.durationS() * MIN_STEP_FRACTION;
        return switch (settings.solver()) {
            case DORMAND_PRINCE_853 -> NanPolicy.dormandPrince853(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case DORMAND_PRINCE_54 -> NanPolicy.dormandPrince54(minStep, maxStep, absoluteTolerance,
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
