/**
 * Internal (not API): the validated, immutable model in SI units: species, compartments, membranes with their
 * mechanisms (channels, pumps, transporters), potential protocols, stimuli, events and run settings. Plain data:
 * no files, no solver.
 */
package org.ionflux.internal.model;
