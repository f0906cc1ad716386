package org.ionflux.internal.mechanism;

import java.util.List;
import org.ionflux.internal.model.Model;

/**
 * One kind of mechanism of the ion-flux equations (ohmic channels, the Na/K pump, water flux, ...): it holds the
 * parameters of every mechanism of its kind in the model, adds their fluxes and currents at a state, adds their
 * partial derivatives to the Jacobian, and says in words what they do for {@code explain}.
 *
 * <p>A new mechanism kind is a new term (and its physics function, model record and reader section) plus one line
 * in {@link Terms}; the engine never names a kind. Terms that carry their own state variables (gates) implement
 * {@link StatefulTerm}. Not thread-safe: one instance per run.
 */
public interface Term {

    /**
     * Loads the parameters in force from {@code timeS} on: {@code inForce} is the model with every event up to
     * that time applied. Called at t = 0 and at every restart, in increasing time.
     *
     * @param toleranceS jump times closer than this are one jump, s
     */
    void startSegment(Model inForce, double timeS, double toleranceS);

    /** Adds the fluxes, currents and rates of this kind's mechanisms at the state in {@code view}. */
    void addRates(StateView view, Fluxes out);

    /**
     * Adds the partial derivatives of what {@link #addRates} adds, at the same state. {@code fluxes} holds that
     * evaluation's results (the capacitor reads the currents).
     */
    void addPartials(StateView view, Fluxes fluxes, Partials out);

    /**
     * Adds to {@code out}, per channel group of this term (membrane and species), a bound on the error of the
     * channel currents at the state in {@code view} that the solver's tolerances allow: at least
     * {@code sum_x |dI/dx| tol_x} ({@link CurrentErrorBounds}). The default adds exactly that sum, from
     * {@link #addPartials}; a term may add a larger bound that is cheaper to compute, since the trace computes the
     * exact one wherever a bound comes near the threshold where it matters. Called after {@link #addRates} at the
     * same state, with that evaluation's results in {@code fluxes}.
     */
    default void addCurrentErrorBounds(StateView view, Fluxes fluxes, CurrentErrorBounds out) {
        addPartials(view, fluxes, out.exactFromPartials());
    }

    /**
     * Adds to {@code out} a bound like {@link #addCurrentErrorBounds}'s that holds at every state of the box of
     * {@link CurrentErrorBounds#clearWithin} (the rows of one solver step), so that the trace need not bound its
     * currents row by row where they are far from pinned. Returns false if this term cannot (the default): the trace
     * then bounds each row.
     */
    default boolean addCurrentErrorBoundsWithin(StateView view, CurrentErrorBounds out) {
        return false;
    }

    /**
     * @return the number of independent rates of this term's mechanisms (one per channel, pump, transporter or
     *     water-permeable membrane): the columns this term adds to the stoichiometry matrix that maps rates to
     *     the state's rates of change (conserved quantities are its left null space)
     */
    int rateCount();

    /**
     * @return true if the model has none of this term's mechanisms, so that {@link #addRates} and
     *     {@link #addPartials} add nothing (the engine then leaves the term out of its evaluations)
     */
    default boolean isEmpty() {
        return rateCount() == 0;
    }

    /**
     * Adds what rate {@code k} does when it runs at unit rate: the species fluxes (mol/s) and the currents it carries
     * through its membrane, or the volume it moves (m^3/s). The engine maps it to a column of the stoichiometry.
     */
    void addUnitRate(int k, StateView view, Fluxes out);

    /** @return short names of this term's channels on membrane m that move species s, e.g. "ohmic channel" */
    default List<String> channelNames(int membrane, int species) {
        return List.of();
    }

    /** @return sentences on how this term's pumps or transporters on membrane m move species s (explain) */
    default List<String> carrierSentences(int membrane, int species) {
        return List.of();
    }

    /** @return paragraphs on this term's mechanisms of membrane m that move no tracked species (explain) */
    default List<String> membraneParagraphs(int membrane, StateView view, Fluxes fluxes) {
        return List.of();
    }
}
