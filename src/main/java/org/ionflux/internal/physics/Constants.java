package org.ionflux.internal.physics;

/**
 * Physical constants, SI units, in one place (docs/physics.md section 2).
 *
 * <p>Source: CODATA 2018 recommended values (exact since the 2019 SI redefinition).
 */
public final class Constants {

    /** Faraday constant F = N_A e, CODATA 2018 (exact), in C/mol. */
    public static final double FARADAY_C_PER_MOL = 96485.33212;

    /** Molar gas constant R = N_A k, CODATA 2018 (exact), in J/(mol K). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;

    /** Offset between degrees Celsius and kelvin, in K. */
    public static final double ZERO_CELSIUS_K = 273.15;

    /** Partial molar volume of water, 18.0 cm^3/mol (docs/physics.md section 8), in m^3/mol. */
    public static final double WATER_MOLAR_VOLUME_M3_PER_MOL = 18.0e-6;

    private Constants() {
    }

    /**
     * Thermal voltage R T / F.
     *
     * @param temperatureK absolute temperature, K
     * @return R T / F, in V
     */
    public static double thermalVoltageVolts(double temperatureK) {
        return GAS_CONSTANT_J_PER_MOL_K * temperatureK / FARADAY_C_PER_MOL;
    }
}
