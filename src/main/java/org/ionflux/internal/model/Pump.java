package org.ionflux.internal.model;

/**
 * An ATP-driven pump on a membrane (docs/physics.md sections 6 and 7), listed under {@code pumps:} and told apart by its
 * {@code type}. Its current adds to the membrane current and is reported in {@code <membrane>.I_pump_uA_cm2}.
 */
public sealed interface Pump extends Mechanism permits Pump.NaK, Pump.Pmca {

    /** @return the maximal current density {@code I_max}, A/m^2 */
    double maxCurrentAPerM2();

    /** @return a copy with another maximal current density, A/m^2 (events: {@code pumps[i].max_current}) */
    Pump withMaxCurrent(double aPerM2);

    /**
     * Na/K-ATPase ({@code type: na-k-atpase}):
     * {@code i_p = I_max (Na_in/(Na_in+km_na))^3 (K_out/(K_out+km_k))^2}; 3 Na out, 2 K in, one charge out per
     * cycle. Acts on the species named {@code Na} and {@code K}.
     *
     * @param maxCurrentAPerM2    I_max, A/m^2
     * @param kmSodiumMolPerM3    km_na, mol/m^3 (0: factor 1)
     * @param kmPotassiumMolPerM3 km_k, mol/m^3 (0: factor 1)
     * @param sodiumIndex         index of Na
     * @param potassiumIndex      index of K
     */
    record NaK(double maxCurrentAPerM2, double kmSodiumMolPerM3, double kmPotassiumMolPerM3, int sodiumIndex,
               int potassiumIndex) implements Pump {

        /** Scenario name of this pump type. */
        public static final String TYPE = "na-k-atpase";

        /** Checks the values. */
        public NaK {
            Checks.nonNegativeFinite(maxCurrentAPerM2, "max_current");
            Checks.nonNegativeFinite(kmSodiumMolPerM3, "km_na");
            Checks.nonNegativeFinite(kmPotassiumMolPerM3, "km_k");
        }

        @Override
        public NaK withMaxCurrent(double aPerM2) {
            return new NaK(aPerM2, kmSodiumMolPerM3, kmPotassiumMolPerM3, sodiumIndex, potassiumIndex);
        }

        @Override
        public int[] movedSpecies() {
            return new int[] {sodiumIndex, potassiumIndex};
        }
    }

    /**
     * Plasma-membrane Ca-ATPase ({@code type: pmca}): {@code i_p = I_max c^n / (c^n + km^n)}, {@code c} the inside
     * Ca concentration; one Ca out and its two charges outward per cycle. Acts on the species named {@code Ca}.
     *
     * @param maxCurrentAPerM2 I_max at saturation, A/m^2
     * @param kmMolPerM3       km, mol/m^3 (0: constant pump)
     * @param hill             Hill coefficient n >= 1
     * @param calciumIndex     index of Ca
     */
    record Pmca(double maxCurrentAPerM2, double kmMolPerM3, double hill, int calciumIndex) implements Pump {

        /** Scenario name of this pump type. */
        public static final String TYPE = "pmca";

        /** Checks the values. */
        public Pmca {
            Checks.nonNegativeFinite(maxCurrentAPerM2, "max_current");
            Checks.nonNegativeFinite(kmMolPerM3, "km");
            if (!(hill >= 1) || !Double.isFinite(hill)) {
                throw new IllegalArgumentException("hill must be finite and >= 1, got " + hill);
            }
        }

        @Override
        public Pmca withMaxCurrent(double aPerM2) {
            return new Pmca(aPerM2, kmMolPerM3, hill, calciumIndex);
        }

        @Override
        public int[] movedSpecies() {
            return new int[] {calciumIndex};
        }
    }
}
