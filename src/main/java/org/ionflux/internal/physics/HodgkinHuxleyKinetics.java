package org.ionflux.internal.physics;

/**
 * Built-in Hodgkin-Huxley gated-channel kinetics (Hodgkin &amp; Huxley 1952; docs/physics.md section 5).
 *
 * <p>A gated channel is ohmic with conductance density {@code g = gbar * prod_i x_i^{p_i}}; each gate
 * {@code x} obeys {@code dx/dt = phi * (alpha_x(V) (1 - x) - beta_x(V) x)} with
 * {@code phi = 3^((T - 6.3 degC) / 10)}.
 *
 * <p>Units: the rate functions of {@link Gate} keep the native units of the 1952 paper, membrane
 * potential in mV and rates in 1/ms, and say so in their names. The {@code dxdt...} methods are the
 * SI edge: they take V in volts and return 1/s (and 1/(s V)), converting {@code V_mV = 1000 V} and
 * {@code 1/ms = 1000/s}. Nothing here allocates; gate states are read from and gradients written to
 * caller-provided arrays.
 */
public enum HodgkinHuxleyKinetics {

    /** {@code hh-na}: fast sodium channel, open probability {@code m^3 h}. */
    HH_NA("hh-na", new Gate[] {Gate.M, Gate.H}, new int[] {3, 1}),

    /** {@code hh-k}: delayed-rectifier potassium channel, open probability {@code n^4}. */
    HH_K("hh-k", new Gate[] {Gate.N}, new int[] {4});

    /** Reference temperature of the 1952 rate constants, in degC. */
    public static final double REFERENCE_TEMPERATURE_CELSIUS = 6.3;

    /** Temperature coefficient Q10 of the gate rates, dimensionless. */
    public static final double Q10 = 3.0;

    private static final double MS_PER_S = 1000.0;
    private static final double MV_PER_V = 1000.0;

    private final String id;
    private final Gate[] gates;
    private final int[] exponents;

    HodgkinHuxleyKinetics(String id, Gate[] gates, int[] exponents) {
        this.id = id;
        this.gates = gates;
        this.exponents = exponents;
    }

    /**
     * Kinetics identifier as written in a model file.
     *
     * @return {@code "hh-na"} or {@code "hh-k"}
     */
    public String id() {
        return id;
    }

    /**
     * Looks a kinetics up by its model-file identifier.
     *
     * @param id {@code "hh-na"} or {@code "hh-k"}
     * @return the kinetics
     * @throws IllegalArgumentException if no built-in kinetics has that identifier
     */
    public static HodgkinHuxleyKinetics fromId(String id) {
        for (HodgkinHuxleyKinetics k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown Hodgkin-Huxley kinetics '" + id + "' (expected hh-na or hh-k)");
    }

    /**
     * Number of gates of this channel.
     *
     * @return 2 for {@code hh-na} (m, h), 1 for {@code hh-k} (n)
     */
    public int gateCount() {
        return gates.length;
    }

    /**
     * The {@code i}-th gate, in the order in which gate states are laid out in arrays.
     *
     * @param i gate index, 0 &lt;= i &lt; {@link #gateCount()}
     * @return the gate (m, h for {@code hh-na}; n for {@code hh-k})
     */
    public Gate gate(int i) {
        return gates[i];
    }

    /**
     * Exponent of the {@code i}-th gate in the open probability.
     *
     * @param i gate index, 0 &lt;= i &lt; {@link #gateCount()}
     * @return p_i: 3 for m, 1 for h, 4 for n
     */
    public int exponent(int i) {
        return exponents[i];
    }

    /**
     * Open probability {@code prod_i x_i^{p_i}} ({@code m^3 h} or {@code n^4}), so that
     * {@code g = gbar * openProbability}.
     *
     * @param gateStates gate states, dimensionless in [0, 1], gate {@code i} at {@code gateStates[offset + i]}
     * @param offset index of the first gate in {@code gateStates}
     * @return open probability, dimensionless
     */
    public double openProbability(double[] gateStates, int offset) {
        double p = 1.0;
        for (int i = 0; i < gates.length; i++) {
            p *= power(gateStates[offset + i], exponents[i]);
        }
        return p;
    }

    /**
     * Partial derivatives of {@link #openProbability(double[], int)} with respect to each gate state:
     * {@code dP/dx_j = p_j x_j^{p_j - 1} prod_{i != j} x_i^{p_i}} (computed without division, so exact
     * zeros at closed gates).
     *
     * @param gateStates gate states, gate {@code i} at {@code gateStates[offset + i]}
     * @param offset index of the first gate in {@code gateStates}
     * @param out receives {@code dP/dx_j} at {@code out[outOffset + j]}, dimensionless
     * @param outOffset index of the first gate's entry in {@code out}
     */
    public void openProbabilityGradient(double[] gateStates, int offset, double[] out, int outOffset) {
        for (int j = 0; j < gates.length; j++) {
            double d = exponents[j] * power(gateStates[offset + j], exponents[j] - 1);
            for (int i = 0; i < gates.length; i++) {
                if (i != j) {
                    d *= power(gateStates[offset + i], exponents[i]);
                }
            }
            out[outOffset + j] = d;
        }
    }

    /**
     * Temperature factor {@code phi = 3^((T - 6.3) / 10)} multiplying every gate rate (Hodgkin &amp; Huxley 1952).
     *
     * @param temperatureCelsius temperature T, in degC
     * @return phi, dimensionless (1 at 6.3 degC)
     */
    public static double temperatureFactor(double temperatureCelsius) {
        return Math.pow(Q10, (temperatureCelsius - REFERENCE_TEMPERATURE_CELSIUS) / 10.0);
    }

    /** x^k for a small non-negative integer k, by repeated multiplication (x^0 = 1, also for x = 0). */
    private static double power(double x, int k) {
        double r = 1.0;
        for (int i = 0; i < k; i++) {
            r *= x;
        }
        return r;
    }

    /**
     * One Hodgkin-Huxley gate: its opening rate {@code alpha(V)}, closing rate {@code beta(V)} and their
     * voltage derivatives (Hodgkin &amp; Huxley 1952 with the resting potential at -65 mV; docs/physics.md section 5).
     */
    public enum Gate {

        /** Na activation: {@code alpha_m = 0.1 (V+40) / (1 - exp(-(V+40)/10))}, {@code beta_m = 4 exp(-(V+65)/18)}. */
        M("m") {
            @Override
            public double alphaPerMs(double vMillivolts) {
                // 0.1 (V+40) / (1 - exp(-(V+40)/10)) = f((V+40)/10); f(0) = 1 is the limit at V = -40.
                return SpecialFunctions.uOverOneMinusExpMinusU((vMillivolts + 40.0) / 10.0);
            }

            @Override
            public double alphaDerivativePerMsPerMv(double vMillivolts) {
                return 0.1 * SpecialFunctions.uOverOneMinusExpMinusUDerivative((vMillivolts + 40.0) / 10.0);
            }

            @Override
            public double betaPerMs(double vMillivolts) {
                return 4.0 * Math.exp(-(vMillivolts + 65.0) / 18.0);
            }

            @Override
            public double betaDerivativePerMsPerMv(double vMillivolts) {
                return -betaPerMs(vMillivolts) / 18.0;
            }
        },

        /** Na inactivation: {@code alpha_h = 0.07 exp(-(V+65)/20)}, {@code beta_h = 1 / (1 + exp(-(V+35)/10))}. */
        H("h") {
            @Override
            public double alphaPerMs(double vMillivolts) {
                return 0.07 * Math.exp(-(vMillivolts + 65.0) / 20.0);
            }

            @Override
            public double alphaDerivativePerMsPerMv(double vMillivolts) {
                return -alphaPerMs(vMillivolts) / 20.0;
            }

            @Override
            public double betaPerMs(double vMillivolts) {
                double w = (vMillivolts + 35.0) / 10.0;
                // Logistic 1 / (1 + exp(-w)), written so that exp never overflows.
                if (w >= 0) {
                    return 1.0 / (1.0 + Math.exp(-w));
                }
                double e = Math.exp(w);
                return e / (1.0 + e);
            }

            @Override
            public double betaDerivativePerMsPerMv(double vMillivolts) {
                // d/dV s(w) = s(w) s(-w) / 10, both factors computed without cancellation or overflow.
                double w = (vMillivolts + 35.0) / 10.0;
                double e = Math.exp(-Math.abs(w));
                double onePlus = 1.0 + e;
                return e / (onePlus * onePlus) / 10.0;
            }
        },

        /** K activation: {@code alpha_n = 0.01 (V+55) / (1 - exp(-(V+55)/10))}, {@code beta_n = 0.125 exp(-(V+65)/80)}. */
        N("n") {
            @Override
            public double alphaPerMs(double vMillivolts) {
                // 0.01 (V+55) / (1 - exp(-(V+55)/10)) = 0.1 f((V+55)/10); limit 0.1 at V = -55.
                return 0.1 * SpecialFunctions.uOverOneMinusExpMinusU((vMillivolts + 55.0) / 10.0);
            }

            @Override
            public double alphaDerivativePerMsPerMv(double vMillivolts) {
                return 0.01 * SpecialFunctions.uOverOneMinusExpMinusUDerivative((vMillivolts + 55.0) / 10.0);
            }

            @Override
            public double betaPerMs(double vMillivolts) {
                return 0.125 * Math.exp(-(vMillivolts + 65.0) / 80.0);
            }

            @Override
            public double betaDerivativePerMsPerMv(double vMillivolts) {
                return -betaPerMs(vMillivolts) / 80.0;
            }
        };

        private final String symbol;

        Gate(String symbol) {
            this.symbol = symbol;
        }

        /**
         * Gate name as used in model files and outputs.
         *
         * @return {@code "m"}, {@code "h"} or {@code "n"}
         */
        public String symbol() {
            return symbol;
        }

        /**
         * Opening rate {@code alpha_x(V)} at 6.3 degC (phi = 1).
         *
         * @param vMillivolts membrane potential V, in mV
         * @return alpha_x, in 1/ms
         */
        public abstract double alphaPerMs(double vMillivolts);

        /**
         * Closing rate {@code beta_x(V)} at 6.3 degC (phi = 1).
         *
         * @param vMillivolts membrane potential V, in mV
         * @return beta_x, in 1/ms
         */
        public abstract double betaPerMs(double vMillivolts);

        /**
         * Voltage derivative {@code d alpha_x / dV}.
         *
         * @param vMillivolts membrane potential V, in mV
         * @return d alpha_x / dV, in 1/(ms mV)
         */
        public abstract double alphaDerivativePerMsPerMv(double vMillivolts);

        /**
         * Voltage derivative {@code d beta_x / dV}.
         *
         * @param vMillivolts membrane potential V, in mV
         * @return d beta_x / dV, in 1/(ms mV)
         */
        public abstract double betaDerivativePerMsPerMv(double vMillivolts);

        /**
         * Steady state {@code x_inf = alpha / (alpha + beta)}, the initial gate state (docs/physics.md section 5);
         * independent of temperature.
         *
         * @param vMillivolts membrane potential V, in mV
         * @return x_inf, dimensionless in (0, 1)
         */
        public double steadyState(double vMillivolts) {
            double a = alphaPerMs(vMillivolts);
            return a / (a + betaPerMs(vMillivolts));
        }

        /**
         * Relaxation time constant {@code tau_x = 1 / (phi (alpha + beta))}.
         *
         * @param vMillivolts membrane potential V, in mV
         * @param temperatureFactor phi from {@link HodgkinHuxleyKinetics#temperatureFactor(double)}, dimensionless
         * @return tau_x, in ms
         */
        public double timeConstantMs(double vMillivolts, double temperatureFactor) {
            return 1.0 / (temperatureFactor * (alphaPerMs(vMillivolts) + betaPerMs(vMillivolts)));
        }

        /**
         * Gate kinetics {@code dx/dt = phi (alpha(V) (1 - x) - beta(V) x)} in SI units.
         *
         * @param x gate state, dimensionless
         * @param vVolts membrane potential V, in V
         * @param temperatureFactor phi, dimensionless
         * @return dx/dt, in 1/s
         */
        public double dxdtPerS(double x, double vVolts, double temperatureFactor) {
            double vMv = MV_PER_V * vVolts;
            return MS_PER_S * temperatureFactor * (alphaPerMs(vMv) * (1.0 - x) - betaPerMs(vMv) * x);
        }

        /**
         * Partial derivative of {@link #dxdtPerS} with respect to the gate state:
         * {@code d(dx/dt)/dx = -phi (alpha + beta)} (independent of x).
         *
         * @param vVolts membrane potential V, in V
         * @param temperatureFactor phi, dimensionless
         * @return d(dx/dt)/dx, in 1/s
         */
        public double dxdtPartialXPerS(double vVolts, double temperatureFactor) {
            double vMv = MV_PER_V * vVolts;
            return -MS_PER_S * temperatureFactor * (alphaPerMs(vMv) + betaPerMs(vMv));
        }

        /**
         * Partial derivative of {@link #dxdtPerS} with respect to the membrane potential:
         * {@code d(dx/dt)/dV = phi (alpha'(V) (1 - x) - beta'(V) x)}, converted to SI.
         *
         * @param x gate state, dimensionless
         * @param vVolts membrane potential V, in V
         * @param temperatureFactor phi, dimensionless
         * @return d(dx/dt)/dV, in 1/(s V)
         */
        public double dxdtPartialVPerSPerV(double x, double vVolts, double temperatureFactor) {
            double vMv = MV_PER_V * vVolts;
            return MS_PER_S * MV_PER_V * temperatureFactor
                    * (alphaDerivativePerMsPerMv(vMv) * (1.0 - x) - betaDerivativePerMsPerMv(vMv) * x);
        }
    }
}
