package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * Equations that supply their own structured linearization (analytic Jacobian and a linear solver that fits
 * its sparsity). {@link RosenbrockIntegrator} prefers this to {@link JacobianProvider} and to finite
 * differences, and then allocates no n x n matrix.
 */
public interface LinearizationProvider extends FirstOrderDifferentialEquations {

    /** @return a new linearization workspace for this system */
    LinearizedSystem newLinearization();

    /** @return true if f does not depend explicitly on t (then df/dt = 0 and no extra evaluation is made) */
    default boolean isAutonomous() {
        return false;
    }
}
