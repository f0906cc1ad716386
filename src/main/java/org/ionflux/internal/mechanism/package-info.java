/**
 * Internal (not API): the terms of the ion-flux equations, one class per mechanism kind (ohmic, GHK and gated
 * channels, leaks, Na/K pump, PMCA, cotransporters, water, stimuli, capacitance). Each holds its parameters, adds
 * its fluxes and currents ({@link org.ionflux.internal.mechanism.Fluxes}) and its partial derivatives
 * ({@link org.ionflux.internal.mechanism.Partials}), and describes itself for {@code explain}. A new mechanism is
 * a new term listed in {@link org.ionflux.internal.mechanism.Terms}.
 */
package org.ionflux.internal.mechanism;
