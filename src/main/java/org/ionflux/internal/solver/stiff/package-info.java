/**
 * Linearly implicit (Rosenbrock) integrators for stiff ordinary differential equations,
 * plugged into the Apache Commons Math 3 ODE framework.
 *
 * <p>The main entry point is {@link org.ionflux.internal.solver.stiff.RosenbrockIntegrator}, an
 * adaptive Rodas4 integrator (Hairer &amp; Wanner) that works with the standard Commons Math
 * step handlers, step normalizers and event handlers. It reaches the Jacobian only through a
 * {@link org.ionflux.internal.solver.stiff.LinearizedSystem}: equations supply their own through
 * {@link org.ionflux.internal.solver.stiff.LinearizationProvider} (or an analytic dense one through
 * {@link org.ionflux.internal.solver.stiff.JacobianProvider}); otherwise the integrator builds a
 * {@link org.ionflux.internal.solver.stiff.DenseLinearization} by forward differences.
 * {@link org.ionflux.internal.solver.stiff.DenseLu} is the one LU with partial pivoting, on flat
 * arrays, for the dense and the block-tree linearizations.</p>
 *
 * <p>All quantities are unitless from the point of view of this package: time and state use
 * whatever (consistent, e.g. SI) units the equations use.</p>
 */
package org.ionflux.internal.solver.stiff;
