/**
 * Internal (not API): the ODE system and its integration: the state layout (the one mapper between the model and
 * {@code double[]}), the right-hand side and Jacobian chained from the terms, the block-tree linear algebra,
 * the integrators (Commons Math's behind a private adapter, and our Rosenbrock in {@code stiff}), exact output
 * times, invariant checks, restarts at jumps.
 */
package org.ionflux.internal.solver;
