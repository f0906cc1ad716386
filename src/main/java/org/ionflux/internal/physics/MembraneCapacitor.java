package org.ionflux.internal.physics;

/**
 * The membrane as a capacitor (docs/physics.md section 9): {@code C_m dV/dt = -I + i_stim}, with {@code I} the total
 * outward current density through the membrane and {@code i_stim} the injected stimulus (positive depolarizes).
 */
public final class MembraneCapacitor {

    private MembraneCapacitor() {
    }

    /**
     * @param outwardCurrentAPerM2  I, sum of channel, leak, pump and transporter currents, outward positive, A/m^2
     * @param stimulusAPerM2        i_stim, injected current density, positive depolarizing, A/m^2
     * @param capacitanceFPerM2     C_m, F/m^2
     * @return dV/dt, V/s
     */
    public static double potentialRateVoltsPerS(double outwardCurrentAPerM2, double stimulusAPerM2,
                                                double capacitanceFPerM2) {
        return (-outwardCurrentAPerM2 + stimulusAPerM2) / capacitanceFPerM2;
    }

    /**
     * @param outwardCurrentPartial a change of the outward current density, A/m^2 per unit of some state variable
     * @param capacitanceFPerM2     C_m, F/m^2
     * @return the change of dV/dt it makes, V/s per unit
     */
    public static double potentialRatePartial(double outwardCurrentPartial, double capacitanceFPerM2) {
        return -outwardCurrentPartial / capacitanceFPerM2;
    }
}
