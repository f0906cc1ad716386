package org.ionflux.internal.physics;

/**
 * Na/K-ATPase (docs/physics.md sections 6 and 7): pump current density
 * {@code i_p = I_max (c_Na,in / (c_Na,in + km_Na))^3 (c_K,out / (c_K,out + km_K))^2}.
 *
 * <p>One cycle moves 3 Na out and 2 K in, one net elementary charge outward, so the cycle rate is
 * {@code i_p A / F}, {@code J_Na = 3 i_p A / F} and {@code J_K = -2 i_p A / F} (mol/s, positive leaves
 * the inside), and {@code i_p} adds to the outward membrane current. A half-saturation constant of 0
 * makes its factor exactly 1 (a constant pump), even at zero concentration.
 *
 * <p>Concentrations are expected non-negative; with {@code km > 0} they may be 0.
 */
public final class NaKPump {

    /** Na ions moved out per pump cycle. */
    public static final int SODIUM_PER_CYCLE = 3;

    /** K ions moved in per pump cycle. */
    public static final int POTASSIUM_PER_CYCLE = 2;

    private NaKPump() {
    }

    /**
     * Pump current density {@code i_p = I_max s_Na^3 s_K^2}, {@code s = c / (c + km)}.
     *
     * @param maxCurrentDensityAPerM2 I_max, A/m^2
     * @param sodiumInsideMolPerM3 c_Na,in, mol/m^3
     * @param potassiumOutsideMolPerM3 c_K,out, mol/m^3
     * @param kmSodiumMolPerM3 km_Na, mol/m^3 (0: no Na dependence)
     * @param kmPotassiumMolPerM3 km_K, mol/m^3 (0: no K dependence)
     * @return i_p, in A/m^2, outward positive
     */
    public static double currentDensityAPerM2(double maxCurrentDensityAPerM2, double sodiumInsideMolPerM3,
                                              double potassiumOutsideMolPerM3, double kmSodiumMolPerM3,
                                              double kmPotassiumMolPerM3) {
        double sNa = saturation(sodiumInsideMolPerM3, kmSodiumMolPerM3);
        double sK = saturation(potassiumOutsideMolPerM3, kmPotassiumMolPerM3);
        return maxCurrentDensityAPerM2 * sNa * sNa * sNa * sK * sK;
    }

    /**
     * Partial derivative of the pump current density with respect to the inside Na concentration:
     * {@code d i_p / d c_Na,in = I_max 3 s_Na^2 (km_Na / (c_Na,in + km_Na)^2) s_K^2} (0 when km_Na = 0).
     *
     * @param maxCurrentDensityAPerM2 I_max, A/m^2
     * @param sodiumInsideMolPerM3 c_Na,in, mol/m^3
     * @param potassiumOutsideMolPerM3 c_K,out, mol/m^3
     * @param kmSodiumMolPerM3 km_Na, mol/m^3
     * @param kmPotassiumMolPerM3 km_K, mol/m^3
     * @return d i_p / d c_Na,in, in (A/m^2) / (mol/m^3) = A m / mol
     */
    public static double currentDensityPartialSodiumInside(double maxCurrentDensityAPerM2,
                                                           double sodiumInsideMolPerM3,
                                                           double potassiumOutsideMolPerM3,
                                                           double kmSodiumMolPerM3, double kmPotassiumMolPerM3) {
        double sNa = saturation(sodiumInsideMolPerM3, kmSodiumMolPerM3);
        double sK = saturation(potassiumOutsideMolPerM3, kmPotassiumMolPerM3);
        return maxCurrentDensityAPerM2 * 3.0 * sNa * sNa
                * saturationDerivative(sodiumInsideMolPerM3, kmSodiumMolPerM3) * sK * sK;
    }

    /**
     * Partial derivative of the pump current density with respect to the outside K concentration:
     * {@code d i_p / d c_K,out = I_max s_Na^3 2 s_K (km_K / (c_K,out + km_K)^2)} (0 when km_K = 0).
     *
     * @param maxCurrentDensityAPerM2 I_max, A/m^2
     * @param sodiumInsideMolPerM3 c_Na,in, mol/m^3
     * @param potassiumOutsideMolPerM3 c_K,out, mol/m^3
     * @param kmSodiumMolPerM3 km_Na, mol/m^3
     * @param kmPotassiumMolPerM3 km_K, mol/m^3
     * @return d i_p / d c_K,out, in (A/m^2) / (mol/m^3) = A m / mol
     */
    public static double currentDensityPartialPotassiumOutside(double maxCurrentDensityAPerM2,
                                                               double sodiumInsideMolPerM3,
                                                               double potassiumOutsideMolPerM3,
                                                               double kmSodiumMolPerM3,
                                                               double kmPotassiumMolPerM3) {
        double sNa = saturation(sodiumInsideMolPerM3, kmSodiumMolPerM3);
        double sK = saturation(potassiumOutsideMolPerM3, kmPotassiumMolPerM3);
        return maxCurrentDensityAPerM2 * sNa * sNa * sNa
                * 2.0 * sK * saturationDerivative(potassiumOutsideMolPerM3, kmPotassiumMolPerM3);
    }

    /**
     * Pump cycle rate {@code i_p A / F} (one net charge per cycle).
     *
     * @param currentDensityAPerM2 i_p, A/m^2
     * @param areaM2 membrane area A, m^2
     * @return cycles per second, in mol/s
     */
    public static double cycleRateMolPerS(double currentDensityAPerM2, double areaM2) {
        return currentDensityAPerM2 * areaM2 / Constants.FARADAY_C_PER_MOL;
    }

    /**
     * Na flux {@code J_Na = 3 i_p A / F}, positive out of the inside.
     *
     * @param currentDensityAPerM2 i_p, A/m^2
     * @param areaM2 membrane area A, m^2
     * @return J_Na, in mol/s
     */
    public static double sodiumFluxMolPerS(double currentDensityAPerM2, double areaM2) {
        return SODIUM_PER_CYCLE * cycleRateMolPerS(currentDensityAPerM2, areaM2);
    }

    /**
     * K flux {@code J_K = -2 i_p A / F}, positive out of the inside (so negative: K is pumped in).
     *
     * @param currentDensityAPerM2 i_p, A/m^2
     * @param areaM2 membrane area A, m^2
     * @return J_K, in mol/s
     */
    public static double potassiumFluxMolPerS(double currentDensityAPerM2, double areaM2) {
        return -POTASSIUM_PER_CYCLE * cycleRateMolPerS(currentDensityAPerM2, areaM2);
    }

    /** Saturation factor c / (c + km); exactly 1 when km = 0 (constant pump). */
    private static double saturation(double c, double km) {
        return km == 0.0 ? 1.0 : c / (c + km);
    }

    /** d/dc of c / (c + km) = km / (c + km)^2; exactly 0 when km = 0. */
    private static double saturationDerivative(double c, double km) {
        if (km == 0.0) {
            return 0.0;
        }
        double d = c + km;
        return km / (d * d);
    }
}
