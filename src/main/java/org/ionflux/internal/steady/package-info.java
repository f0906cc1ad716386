/**
 * {@code ionflux steady}: the steady state of a scenario's equations solved directly (docs/commands.md,
 * docs/decisions.md). The conserved quantities come numerically from the left null space of the stoichiometry,
 * block by block along the compartment forest ({@link org.ionflux.internal.steady.ConservationLaws}); damped Newton
 * with the laws imposed and pseudo-transient continuation find the steady state with the stiff solver's block-tree
 * linear algebra ({@code SteadySolver}, {@code NewtonSystem}); the eigenvalues of the Jacobian on the subspace that
 * keeps the laws give the time constants of the approach ({@code TimeConstants}). It uses the solver, mechanism,
 * model and physics packages and the output package's trace columns; nothing below it uses it.
 */
package org.ionflux.internal.steady;
