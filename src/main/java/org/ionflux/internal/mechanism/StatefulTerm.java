package org.ionflux.internal.mechanism;

/**
 * A term with state variables of its own (Hodgkin-Huxley gates), integrated with the rest of the state. The
 * engine gives it a contiguous range of the state vector ({@link #bindState}) and the term computes their rates,
 * initial values and names.
 */
public interface StatefulTerm extends Term {

    /** @return number of state variables of this term */
    int stateCount();

    /** Tells the term where its variables start in the state vector (called once, before any other use). */
    void bindState(int offset);

    /** @return the membrane whose block variable {@code local} belongs to (the block-tree solver groups them) */
    int stateMembrane(int local);

    /** @return the trace column of variable {@code local}, e.g. {@code axon.Na_m} */
    String stateColumn(int local);

    /** @return variable {@code local} in words, for messages */
    String describeState(int local);

    /** Writes the initial values of its variables into {@code y}, from the potentials in {@code view}. */
    void initialState(StateView view, double[] y);

    /** Writes the rates of its variables into {@code yDot} at the state in {@code view}. */
    void addStateRates(StateView view, double[] yDot);
}
