/**
 * Linearly implicit (Rosenbrock) integrators for stiff ordinary differential equations,
 * plugged into the Apache Commons Math 3 ODE framework.
 *
 * <p>The main entry point is {@link org.ionflux.internal.solver.stiff.RosenbrockIntegrator}, an
 * adaptive Rodas4 integrator (Hairer &amp; Wanner) that works with the standard Commons Math
 * step handlers, step normalizers and event handlers. Equations may implement
 * {@link org.ionflux.internal.solver.stiff.JacobianProvider} to supply an analytic Jacobian; the linear
 * systems are solved through the pluggable {@link org.ionflux.internal.solver.stiff.LinearSolver}
 * abstraction (dense LU by default, {@link org.ionflux.internal.solver.stiff.DenseLu}).</p>
 *
 * <p>All quantities are unitless from the point of view of this package: time and state use
 * whatever (consistent, e.g. SI) units the equations use.</p>
 */
package org.ionflux.internal.solver.stiff;
