package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * Equations that supply their own linearization: an analytic Jacobian kept in whatever structure they have and a
 * solver that fits it ({@code BlockTreeLinearization} for an ion-flux system, {@link DenseLinearization} through
 * {@link JacobianProvider}). {@link RosenbrockIntegrator} uses it when the integrated problem has no secondary
 * equations; otherwise it differentiates the complete state by forward differences.
 */
public interface LinearizationProvider extends FirstOrderDifferentialEquations {

    /** @return a new linearization workspace for this system, made once per integration */
    LinearizedSystem newLinearization();

    /**
     * Tells whether the right-hand side does not depend explicitly on time. When {@code true}, the integrator uses
     * {@code df/dt = 0} and saves one right-hand side evaluation per step.
     *
     * @return {@code true} if {@code f} does not depend explicitly on {@code t}; default {@code false}
     */
    default boolean isAutonomous() {
        return false;
    }
}
