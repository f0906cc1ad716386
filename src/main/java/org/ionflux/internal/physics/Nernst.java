package org.ionflux.internal.physics;

/**
 * Equilibrium (Nernst) potential and driving force (docs/physics.md section 4).
 */
public final class Nernst {

    private Nernst() {
    }

    /**
     * Nernst potential {@code E_X = (R T / (z F)) ln(c_out / c_in)}.
     *
     * <p>Infinite when one side has none of the ion ({@code +inf} or {@code -inf} by the sign of
     * the limit), NaN when both sides have none.
     *
     * @param valence charge number z, nonzero
     * @param insideMolPerM3 concentration inside, mol/m^3 (= mM)
     * @param outsideMolPerM3 concentration outside, mol/m^3 (= mM)
     * @param temperatureK absolute temperature, K
     * @return E_X, in V
     */
    public static double nernstPotentialVolts(double valence, double insideMolPerM3, double outsideMolPerM3,
                                              double temperatureK) {
        if (valence == 0) {
            throw new IllegalArgumentException("a neutral species has no Nernst potential");
        }
        return Constants.thermalVoltageVolts(temperatureK) / valence * Math.log(outsideMolPerM3 / insideMolPerM3);
    }

    /**
     * Driving force {@code V - E_X}: positive pushes a cation out of the cell (an anion in).
     *
     * @param membranePotentialVolts V = phi_in - phi_out, V
     * @param nernstPotentialVolts E_X, V
     * @return V - E_X, in V
     */
    public static double drivingForceVolts(double membranePotentialVolts, double nernstPotentialVolts) {
        return membranePotentialVolts - nernstPotentialVolts;
    }

    /**
     * Electrochemical potential difference per mole, inside minus outside:
     * {@code dmu = R T ln(c_in / c_out) + z F V} (docs/physics.md section 4).
     *
     * @param valence charge number z (any real)
     * @param insideMolPerM3 concentration inside, mol/m^3
     * @param outsideMolPerM3 concentration outside, mol/m^3
     * @param membranePotentialVolts V, in V
     * @param temperatureK absolute temperature, K
     * @return dmu, in J/mol
     */
    public static double electrochemicalDifferenceJPerMol(double valence, double insideMolPerM3,
                                                          double outsideMolPerM3, double membranePotentialVolts,
                                                          double temperatureK) {
        return Constants.GAS_CONSTANT_J_PER_MOL_K * temperatureK * Math.log(insideMolPerM3 / outsideMolPerM3)
                + valence * Constants.FARADAY_C_PER_MOL * membranePotentialVolts;
    }
}
