package org.ionflux.internal.physics;

/**
 * Plasma-membrane Ca-ATPase, PMCA (docs/physics.md sections 6 and 7): {@code i_p = I_max c^n / (c^n + km^n)} with {@code c} the
 * inside Ca concentration and {@code n} the Hill coefficient; each cycle moves one Ca out and carries its charge
 * outward (H+ counter-transport neglected), {@code J_Ca = i_p A / (2 F)}. {@code km = 0} makes a constant pump.
 */
public final class CalciumPump {

    /** Charge of the ion the pump moves (Ca2+). */
    public static final double CALCIUM_VALENCE = 2.0;

    private CalciumPump() {
    }

    /**
     * Pump current density.
     *
     * @param maxCurrentDensityAPerM2 I_max, A/m^2
     * @param calciumInsideMolPerM3   c_Ca,in, mol/m^3 (= mM)
     * @param kmMolPerM3              km, mol/m^3 (0: constant pump)
     * @param hill                    Hill coefficient n >= 1
     * @return i_p, A/m^2, outward positive
     */
    public static double currentDensityAPerM2(double maxCurrentDensityAPerM2, double calciumInsideMolPerM3,
                                              double kmMolPerM3, double hill) {
        if (kmMolPerM3 == 0.0) {
            return maxCurrentDensityAPerM2;
        }
        if (hill == 1.0) {
            return maxCurrentDensityAPerM2 * calciumInsideMolPerM3 / (calciumInsideMolPerM3 + kmMolPerM3);
        }
        // c^n / (c^n + km^n) = 1 / (1 + (km / c)^n), which has no overflow for small c
        if (!(calciumInsideMolPerM3 > 0)) {
            return 0.0;
        }
        return maxCurrentDensityAPerM2 / (1.0 + Math.pow(kmMolPerM3 / calciumInsideMolPerM3, hill));
    }

    /**
     * {@code d i_p / d c_Ca,in = I_max n c^(n-1) km^n / (c^n + km^n)^2} (0 for a constant pump).
     *
     * @param maxCurrentDensityAPerM2 I_max, A/m^2
     * @param calciumInsideMolPerM3   c_Ca,in, mol/m^3
     * @param kmMolPerM3              km, mol/m^3
     * @param hill                    Hill coefficient n >= 1
     * @return (A/m^2) per (mol/m^3)
     */
    public static double currentDensityPartialCalciumInside(double maxCurrentDensityAPerM2,
                                                            double calciumInsideMolPerM3, double kmMolPerM3,
                                                            double hill) {
        if (kmMolPerM3 == 0.0) {
            return 0.0;
        }
        if (hill == 1.0) {
            double d = calciumInsideMolPerM3 + kmMolPerM3;
            return maxCurrentDensityAPerM2 * kmMolPerM3 / (d * d);
        }
        if (!(calciumInsideMolPerM3 > 0)) {
            return 0.0;
        }
        // with r = (km / c)^n: s = 1 / (1 + r), ds/dc = n r / (c (1 + r)^2)
        double r = Math.pow(kmMolPerM3 / calciumInsideMolPerM3, hill);
        double onePlusR = 1.0 + r;
        return maxCurrentDensityAPerM2 * hill * r / (calciumInsideMolPerM3 * onePlusR * onePlusR);
    }

    /**
     * Ca flux {@code J_Ca = i_p A / (2 F)}, positive out of the inside.
     *
     * @param currentDensityAPerM2 i_p, A/m^2
     * @param areaM2               A, m^2
     * @return J_Ca, mol/s
     */
    public static double calciumFluxMolPerS(double currentDensityAPerM2, double areaM2) {
        return currentDensityAPerM2 * areaM2 / (CALCIUM_VALENCE * Constants.FARADAY_C_PER_MOL);
    }
}
