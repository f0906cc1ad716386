package org.ionflux.internal.model;

/**
 * A dissolved species (an ion or a neutral solute).
 *
 * @param name   name as in the scenario ({@code [A-Za-z][A-Za-z0-9_]*})
 * @param charge valence z; an integer for every species a mechanism moves, any finite number for an
 *               impermeant one (a mean valence, docs/physics.md section 1)
 */
public record Species(String name, double charge) {

    /** Checks the name and that the charge is finite. */
    public Species {
        Names.requireValid(name, "ion");
        if (!Double.isFinite(charge)) {
            throw new IllegalArgumentException("charge of " + name + " must be finite");
        }
    }

    /** @return true if the valence is a whole number */
    public boolean hasIntegerCharge() {
        return charge == Math.rint(charge);
    }
}
