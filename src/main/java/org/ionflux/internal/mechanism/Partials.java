package org.ionflux.internal.mechanism;

/**
 * Where terms put their partial derivatives, in the quantities they know (concentrations, potentials, their own
 * state); the engine chains them to the solver's state ({@code c = n / Vol}, amounts moved inside and outside,
 * currents into the capacitor) and adds them to the Jacobian.
 */
public interface Partials {

    /**
     * A change of the concentration of species {@code sc} in compartment {@code c} changes the flux of species s
     * through membrane m by {@code dJ} and the membrane's outward current by {@code dI}.
     *
     * @param dJdc (mol/s) per (mol/m^3)
     * @param dIdc (A/m^2) per (mol/m^3)
     */
    void fluxByConcentration(int membrane, int species, double dJdc, double dIdc, int compartment, int concentrationOf);

    /**
     * A change of membrane m's own potential changes the flux of species s through it by {@code dJ} and its
     * outward current by {@code dI}.
     *
     * @param dJdV (mol/s) per V
     * @param dIdV (A/m^2) per V
     */
    void fluxByPotential(int membrane, int species, double dJdV, double dIdV);

    /**
     * A change of state variable {@code column} (a term's own state, e.g. a gate) changes the flux of species s
     * through membrane m by {@code dJ} and its outward current by {@code dI}.
     */
    void fluxByState(int membrane, int species, double dJ, double dI, int column);

    /**
     * A change of membrane m's potential changes its non-specific leak current by {@code dIdV} (A/m^2 per V): it
     * counts in the membrane current and in the charge that leaks bring into the compartments.
     */
    void leakCurrentByPotential(int membrane, double dIdV);

    /** The rate of state variable {@code row} (a term's own) changes by {@code value} per unit of {@code column}. */
    void stateByState(int row, int column, double value);

    /** The rate of state variable {@code row} (a term's own) changes by {@code value} per V of membrane m. */
    void stateByPotential(int row, int membrane, double value);

    /**
     * The rate of the volume of compartment {@code ofCompartment} (m^3/s) changes by {@code value} per mol/m^3 of
     * species {@code species} in compartment {@code compartment}.
     */
    void volumeByConcentration(int ofCompartment, double value, int compartment, int species);
}
