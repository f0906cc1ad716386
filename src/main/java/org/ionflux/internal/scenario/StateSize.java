package org.ionflux.internal.scenario;

import java.util.List;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;

/**
 * The size limit of the ODE state (README "Limits"), checked twice: {@code ions x compartments} before any
 * per-compartment array is made, and an upper bound of the whole state once the membranes are read.
 */
final class StateSize {

    /**
     * Most state variables a model may have (amounts, volumes, potentials, gates and bookkeeping). An explicit
     * integrator keeps about 30 copies of the state, so the limit needs about 1.2 GB.
     */
    static final long MAX_STATE_VARIABLES = 5_000_000L;

    private StateSize() {
    }

    /**
     * Reports, at {@code compartments}, a file whose amounts alone ({@code ions x compartments}) exceed the limit;
     * called before any per-compartment array is made, so that such a file cannot exhaust the memory.
     *
     * @return true if the amounts fit
     */
    static boolean checkAmounts(Fields fields, int ions, int compartments) {
        long cells = (long) ions * compartments;
        if (cells > MAX_STATE_VARIABLES) {
            fields.problem("compartments", ions + " ions in " + compartments + " compartments make "
                    + cells + " amounts; a model may have at most " + MAX_STATE_VARIABLES + " state variables");
            return false;
        }
        return true;
    }

    /**
     * Reports a model whose state ({@link #upperBound}) exceeds the limit.
     *
     * @return true if it fits
     */
    static boolean checkState(Fields fields, int ions, List<Compartment> compartments, List<Membrane> membranes) {
        long stateVariables = upperBound(ions, compartments, membranes);
        if (stateVariables > MAX_STATE_VARIABLES) {
            fields.problem("", "this model has " + stateVariables + " state variables (amounts of every ion in every "
                    + "compartment that is not clamped, volumes, potentials, gates); the limit is "
                    + MAX_STATE_VARIABLES + ": use fewer compartments or ions");
            return false;
        }
        return true;
    }

    /**
     * An upper bound of the length of the ODE state (docs/physics.md section 1): the amount of every ion in every
     * non-clamped compartment, its volume, every membrane's potential, every gate, and one bookkeeping variable per
     * ion and per compartment.
     */
    static long upperBound(int ions, List<Compartment> compartments, List<Membrane> membranes) {
        long n = 0;
        for (Compartment c : compartments) {
            n += c.clamped() ? 1 : (long) ions + 2;
        }
        n += ions;
        for (Membrane m : membranes) {
            n += 1;
            for (Channel ch : m.channels()) {
                if (ch instanceof Channel.Gated gated) {
                    n += gated.kinetics().gateCount();
                }
            }
        }
        return n;
    }
}
