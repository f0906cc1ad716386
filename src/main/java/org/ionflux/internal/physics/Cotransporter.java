package org.ionflux.internal.physics;

/**
 * Cotransporters and exchangers driven by the electrochemical potential (docs/physics.md sections 6 and 7).
 *
 * <p>A transporter has a stoichiometry {@code nu_X} per cycle (positive: X is carried outward, negative:
 * inward) and a rate constant {@code L} in mol/(m^2 s). Its cycle flux density is
 * {@code j = L sum_X nu_X dmu_X / (R T)} with {@code dmu_X = R T ln(c_in / c_out) + z_X F V} (inside
 * minus outside, J/mol), that is {@code j = L sum_X nu_X (ln(c_in,X / c_out,X) + z_X F V / (R T))}.
 * Species fluxes are {@code J_X = nu_X j A} (mol/s, positive leaves the inside) and the current density
 * is {@code i = F j sum_X nu_X z_X} (A/m^2, outward positive). The transporter stops when
 * {@code sum_X nu_X dmu_X = 0}.
 *
 * <p>Species are given as parallel arrays indexed by transported species (all of equal length);
 * concentrations must be positive. Examples: NKCC1 Na:K:Cl = 1:1:2, KCC2 K:Cl = 1:1 (both
 * electroneutral), NCX Na:Ca = 3:-1 (one net charge outward per cycle in the direction of j).
 * No method allocates.
 */
public final class Cotransporter {

    private Cotransporter() {
    }

    /**
     * Cycle flux density {@code j = L sum_X nu_X (ln(c_in,X / c_out,X) + z_X F V / (R T))}.
     *
     * @param rateMolPerM2S L, mol/(m^2 s)
     * @param stoichiometry nu_X per cycle, positive outward
     * @param valence z_X, charge numbers
     * @param insideMolPerM3 c_in,X, mol/m^3, positive
     * @param outsideMolPerM3 c_out,X, mol/m^3, positive
     * @param membranePotentialVolts V = phi_in - phi_out, in V
     * @param temperatureK T, in K
     * @return j, in mol/(m^2 s) (cycles per unit area and time)
     */
    public static double cycleFluxDensityMolPerM2S(double rateMolPerM2S, double[] stoichiometry, double[] valence,
                                                   double[] insideMolPerM3, double[] outsideMolPerM3,
                                                   double membranePotentialVolts, double temperatureK) {
        int n = checkLengths(stoichiometry, valence, insideMolPerM3, outsideMolPerM3);
        double u = membranePotentialVolts / Constants.thermalVoltageVolts(temperatureK);
        double sum = 0.0;
        for (int k = 0; k < n; k++) {
            sum += stoichiometry[k] * (Math.log(insideMolPerM3[k] / outsideMolPerM3[k]) + valence[k] * u);
        }
        return rateMolPerM2S * sum;
    }

    /**
     * Driving free energy per cycle {@code sum_X nu_X dmu_X} (docs/physics.md sections 6 and 7); j has its sign and
     * vanishes with it.
     *
     * @param stoichiometry nu_X per cycle, positive outward
     * @param valence z_X
     * @param insideMolPerM3 c_in,X, mol/m^3, positive
     * @param outsideMolPerM3 c_out,X, mol/m^3, positive
     * @param membranePotentialVolts V, in V
     * @param temperatureK T, in K
     * @return sum nu dmu, in J/mol (per mole of cycles)
     */
    public static double drivingFreeEnergyJPerMol(double[] stoichiometry, double[] valence, double[] insideMolPerM3,
                                                  double[] outsideMolPerM3, double membranePotentialVolts,
                                                  double temperatureK) {
        int n = checkLengths(stoichiometry, valence, insideMolPerM3, outsideMolPerM3);
        double sum = 0.0;
        for (int k = 0; k < n; k++) {
            sum += stoichiometry[k] * Nernst.electrochemicalDifferenceJPerMol(valence[k], insideMolPerM3[k],
                    outsideMolPerM3[k], membranePotentialVolts, temperatureK);
        }
        return sum;
    }

    /**
     * Partial derivatives of j with respect to each inside concentration: {@code dj/dc_in,X = L nu_X / c_in,X}.
     *
     * @param rateMolPerM2S L, mol/(m^2 s)
     * @param stoichiometry nu_X per cycle
     * @param insideMolPerM3 c_in,X, mol/m^3, positive
     * @param out receives dj/dc_in,X at {@code out[X]}, in (mol/(m^2 s)) / (mol/m^3) = m/s
     */
    public static void cycleFluxPartialsInside(double rateMolPerM2S, double[] stoichiometry,
                                               double[] insideMolPerM3, double[] out) {
        int n = checkLengths(stoichiometry, insideMolPerM3, out);
        for (int k = 0; k < n; k++) {
            out[k] = rateMolPerM2S * stoichiometry[k] / insideMolPerM3[k];
        }
    }

    /**
     * Partial derivatives of j with respect to each outside concentration: {@code dj/dc_out,X = -L nu_X / c_out,X}.
     *
     * @param rateMolPerM2S L, mol/(m^2 s)
     * @param stoichiometry nu_X per cycle
     * @param outsideMolPerM3 c_out,X, mol/m^3, positive
     * @param out receives dj/dc_out,X at {@code out[X]}, in m/s
     */
    public static void cycleFluxPartialsOutside(double rateMolPerM2S, double[] stoichiometry,
                                                double[] outsideMolPerM3, double[] out) {
        int n = checkLengths(stoichiometry, outsideMolPerM3, out);
        for (int k = 0; k < n; k++) {
            out[k] = -rateMolPerM2S * stoichiometry[k] / outsideMolPerM3[k];
        }
    }

    /**
     * Partial derivative of j with respect to the membrane potential:
     * {@code dj/dV = L (F / (R T)) sum_X nu_X z_X} (0 for an electroneutral transporter).
     *
     * @param rateMolPerM2S L, mol/(m^2 s)
     * @param stoichiometry nu_X per cycle
     * @param valence z_X
     * @param temperatureK T, in K
     * @return dj/dV, in mol/(m^2 s V)
     */
    public static double cycleFluxPartialVoltage(double rateMolPerM2S, double[] stoichiometry, double[] valence,
                                                 double temperatureK) {
        return rateMolPerM2S * netChargePerCycle(stoichiometry, valence) / Constants.thermalVoltageVolts(temperatureK);
    }

    /**
     * Net charge carried outward per cycle, {@code sum_X nu_X z_X}.
     *
     * @param stoichiometry nu_X per cycle
     * @param valence z_X
     * @return net charge, in elementary charges per cycle (0: electroneutral; NCX 3:-1 gives +1)
     */
    public static double netChargePerCycle(double[] stoichiometry, double[] valence) {
        int n = checkLengths(stoichiometry, valence);
        double q = 0.0;
        for (int k = 0; k < n; k++) {
            q += stoichiometry[k] * valence[k];
        }
        return q;
    }

    /**
     * Current density {@code i = F j sum_X nu_X z_X}, outward positive.
     *
     * @param cycleFluxDensityMolPerM2S j, mol/(m^2 s)
     * @param stoichiometry nu_X per cycle
     * @param valence z_X
     * @return i, in A/m^2
     */
    public static double currentDensityAPerM2(double cycleFluxDensityMolPerM2S, double[] stoichiometry,
                                              double[] valence) {
        return Constants.FARADAY_C_PER_MOL * cycleFluxDensityMolPerM2S * netChargePerCycle(stoichiometry, valence);
    }

    /**
     * Flux of one transported species {@code J_X = nu_X j A}, positive out of the inside.
     *
     * @param cycleFluxDensityMolPerM2S j, mol/(m^2 s)
     * @param stoichiometry nu_X of that species
     * @param areaM2 membrane area A, m^2
     * @return J_X, in mol/s
     */
    public static double speciesFluxMolPerS(double cycleFluxDensityMolPerM2S, double stoichiometry, double areaM2) {
        return stoichiometry * cycleFluxDensityMolPerM2S * areaM2;
    }

    // Fixed-arity overloads: a varargs check would allocate an array on every right-hand-side call.
    private static int checkLengths(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("species arrays differ in length: " + a.length + " vs " + b.length);
        }
        return a.length;
    }

    private static int checkLengths(double[] a, double[] b, double[] c) {
        checkLengths(a, b);
        return checkLengths(a, c);
    }

    private static int checkLengths(double[] a, double[] b, double[] c, double[] d) {
        checkLengths(a, b, c);
        return checkLengths(a, d);
    }
}
