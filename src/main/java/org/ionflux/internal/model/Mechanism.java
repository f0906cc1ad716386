package org.ionflux.internal.model;

/**
 * Anything on a membrane that moves ions or carries current: a channel, a pump or a transporter. The engine asks
 * each one which species it moves, so that the state has an amount wherever one can change.
 */
public interface Mechanism {

    /** @return the indices of the species this mechanism moves across its membrane (none for a leak) */
    int[] movedSpecies();

    /** @return true if it moves species {@code speciesIndex} */
    default boolean moves(int speciesIndex) {
        for (int s : movedSpecies()) {
            if (s == speciesIndex) {
                return true;
            }
        }
        return false;
    }
}
