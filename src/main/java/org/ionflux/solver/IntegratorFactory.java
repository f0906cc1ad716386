package org.ionflux.solver;

import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.AdamsMoultonIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.ionflux.model.SimulationSettings;

/** Makes the integrator named by {@code simulation.solver}, with per-component tolerances. */
final class IntegratorFactory {

    /** Smallest step, as a fraction of the run: below it the run fails with a step size underflow. */
    static final double MIN_STEP_FRACTION = 1e-14;
    /** Steps of the Adams-Moulton method (Commons Math's documented typical choice). */
    static final int ADAMS_STEPS = 4;

    private IntegratorFactory() {
    }

    static FirstOrderIntegrator create(SimulationSettings settings, double[] absoluteTolerance,
                                       double[] relativeTolerance) {
        double maxStep = settings.durationS();
        double minStep = settings.durationS() * MIN_STEP_FRACTION;
        return switch (settings.solver()) {
            case DORMAND_PRINCE_853 -> new DormandPrince853Integrator(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case DORMAND_PRINCE_54 -> new DormandPrince54Integrator(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case GRAGG_BULIRSCH_STOER -> new GraggBulirschStoerIntegrator(minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case ADAMS_MOULTON -> new AdamsMoultonIntegrator(ADAMS_STEPS, minStep, maxStep, absoluteTolerance,
                    relativeTolerance);
            case CLASSICAL_RK4 -> new ClassicalRungeKuttaIntegrator(settings.fixedStepS());
        };
    }
}
