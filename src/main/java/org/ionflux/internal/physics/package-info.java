/**
 * Internal (not API): the physical laws as pure functions of numbers in SI units, each with its partial
 * derivatives: Nernst potential, ohmic and GHK channels, Hodgkin-Huxley gates, pumps, cotransporters, water flux,
 * the membrane capacitor, and the constants (CODATA 2018). Imports nothing of the project.
 */
package org.ionflux.internal.physics;
