package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.ionflux.internal.physics.NumericAssertions.assertClose;
import static org.ionflux.internal.physics.NumericAssertions.centralDifference;
import static org.ionflux.internal.physics.NumericAssertions.uniform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.LongStream;
import org.ionflux.internal.physics.HodgkinHuxleyKinetics.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HodgkinHuxleyKineticsTest {

    /*
     * Tolerances used below, and why.
     *
     * REFERENCE_REL = 1e-14: each rate is a handful of correctly rounded operations (one exp/expm1, which
     * the JDK guarantees to 1 ulp, plus an add, a divide and a multiply), so its relative error is a few
     * ulp (2.2e-16 each). The largest amplification is the exponent's own rounding error: |arg| <= 9 in the
     * tested range, so a half-ulp error in arg becomes <= 9 * 1.1e-16 = 1e-15 relative in exp(arg).
     * 1e-14 leaves a factor of 10 over that.
     *
     * REFERENCE_DERIVATIVE_REL = 1e-12: the derivative of u/(1-exp(-u)) is computed by
     * SpecialFunctions as (1 - e - u e) / (1 - e)^2 for |u| >= 1e-2; its numerator ~ u^2/2 is a
     * difference of O(u) terms, which loses log10(2/u) ~ 2.3 decimal digits just above the series
     * threshold: a few 1e-14 relative (measured max 4.3e-14 over 20000 random voltages). 1e-12 keeps a
     * factor of ~20 over that; every other rate and derivative measured within 1.3e-15.
     *
     * EXPANSION_REL = 1e-10 (brief): near V0 = -40 mV, alpha_m = 1 + u/2 + u^2/12 + ..., u = (V+40)/10; the
     * first omitted term at |V - V0| <= 1e-5 mV is u^2/12 <= 1e-14, far below 1e-10.
     *
     * FD_REL = 1e-6 (brief): central differences with step h have truncation error ~ (h/L)^2 relative,
     * where L >= 10 mV is the voltage scale of every rate (the smallest divisor is 10); h = 1e-3 mV gives
     * 1e-8, and roundoff ~ eps * L / h = 1e-12. Both well under 1e-6.
     */
    private static final double REFERENCE_REL = 1e-14;
    private static final double REFERENCE_DERIVATIVE_REL = 1e-12;
    private static final double EXPANSION_REL = 1e-10;
    private static final double FD_REL = 1e-6;
    private static final double FD_STEP_MV = 1e-3;

    // ------------------------------------------------------------------ removable singularities

    @ParameterizedTest(name = "alpha_m at -40 mV + {0} mV")
    @ValueSource(doubles = {0.0, 1e-9, -1e-9, 1e-7, -1e-7, 1e-5, -1e-5})
    void alphaMIsSmoothThroughMinus40(double offsetMv) {
        double v = -40.0 + offsetMv;
        double u = (v + 40.0) / 10.0; // v + 40 is exact (Sterbenz), so this is the u the code sees
        // alpha_m = f(u) = 1 + u/2 + O(u^2) -> 1 + (V+40)/20; alpha_m' = 0.1 f'(u) = 0.1 (1/2 + u/6 + O(u^3)).
        assertClose(Gate.M.alphaPerMs(v), 1.0 + (v + 40.0) / 20.0, EXPANSION_REL, 0, "alpha_m(" + v + ")");
        assertClose(Gate.M.alphaDerivativePerMsPerMv(v), 0.1 * (0.5 + u / 6.0), EXPANSION_REL, 0,
                "alpha_m'(" + v + ")");
        assertThat(Gate.M.alphaPerMs(v)).isFinite();
        if (v == -40.0) {
            assertThat(Gate.M.alphaPerMs(v)).isEqualTo(1.0);
            assertThat(Gate.M.alphaDerivativePerMsPerMv(v)).isEqualTo(0.05);
        }
    }

    @ParameterizedTest(name = "alpha_n at -55 mV + {0} mV")
    @ValueSource(doubles = {0.0, 1e-9, -1e-9, 1e-7, -1e-7, 1e-5, -1e-5})
    void alphaNIsSmoothThroughMinus55(double offsetMv) {
        double v = -55.0 + offsetMv;
        double u = (v + 55.0) / 10.0;
        // alpha_n = 0.1 f(u) ~ 0.1 (1 + (V+55)/20); alpha_n' = 0.01 f'(u) ~ 0.01 (1/2 + u/6).
        assertClose(Gate.N.alphaPerMs(v), 0.1 * (1.0 + (v + 55.0) / 20.0), EXPANSION_REL, 0, "alpha_n(" + v + ")");
        assertClose(Gate.N.alphaDerivativePerMsPerMv(v), 0.01 * (0.5 + u / 6.0), EXPANSION_REL, 0,
                "alpha_n'(" + v + ")");
        if (v == -55.0) {
            assertThat(Gate.N.alphaPerMs(v)).isEqualTo(0.1);
            assertThat(Gate.N.alphaDerivativePerMsPerMv(v)).isEqualTo(0.005);
        }
    }

    /** Dense sweep across both sides of SpecialFunctions' series switch at |u| = 1e-2 (|V - V0| = 0.1 mV). */
    @ParameterizedTest(name = "{0} across the series threshold")
    @EnumSource(value = Gate.class, names = {"M", "N"})
    void alphaMatchesReferenceAcrossSeriesThreshold(Gate gate) {
        double v0 = gate == Gate.M ? -40.0 : -55.0;
        for (double side : new double[] {-0.1, 0.1}) {
            for (int k = -50; k <= 50; k++) {
                double v = v0 + side + k * 1e-12;
                assertClose(gate.alphaPerMs(v), referenceAlpha(gate, v), REFERENCE_REL, 0, gate + " alpha(" + v + ")");
                assertClose(gate.alphaDerivativePerMsPerMv(v), referenceAlphaDerivative(gate, v),
                        REFERENCE_DERIVATIVE_REL, 0, gate + " alpha'(" + v + ")");
            }
        }
    }

    // ------------------------------------------------------------------ high-precision reference

    static LongStream seeds() {
        return NumericAssertions.seeds(100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ratesMatchHighPrecisionReference(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double v = uniform(rng, -150.0, 100.0);
        checkAgainstReference(v);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ratesMatchHighPrecisionReferenceNearSingularities(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double offset = (rng.nextBoolean() ? 1 : -1) * Math.pow(10.0, uniform(rng, -9.0, 0.5));
        checkAgainstReference(-40.0 + offset);
        checkAgainstReference(-55.0 + offset);
    }

    private static void checkAgainstReference(double v) {
        for (Gate gate : Gate.values()) {
            assertClose(gate.alphaPerMs(v), referenceAlpha(gate, v), REFERENCE_REL, 0, gate + " alpha(" + v + ")");
            assertClose(gate.betaPerMs(v), referenceBeta(gate, v), REFERENCE_REL, 0, gate + " beta(" + v + ")");
            assertClose(gate.alphaDerivativePerMsPerMv(v), referenceAlphaDerivative(gate, v),
                    REFERENCE_DERIVATIVE_REL, 0, gate + " alpha'(" + v + ")");
            assertClose(gate.betaDerivativePerMsPerMv(v), referenceBetaDerivative(gate, v),
                    REFERENCE_DERIVATIVE_REL, 0, gate + " beta'(" + v + ")");
        }
    }

    // ------------------------------------------------------------------ known values

    /*
     * Reference values at V = -65 mV, phi = 1, computed independently with python3 + mpmath at 40 digits
     * from the docs/physics.md formulas (0.1 (V+40) / (1 - exp(-(V+40)/10)) etc. evaluated literally):
     *   from mpmath import mp, mpf, exp; mp.dps = 40; V = mpf(-65)
     *   am = mpf('0.1')*(V+40)/(1-exp(-(V+40)/10)); bm = 4*exp(-(V+65)/18); ... ; print(am/(am+bm), 1/(am+bm))
     * Tolerance 1e-13 relative: the double inputs 0.1, 0.07, 0.01, 0.125 differ from the decimal ones by
     * < 1e-16 relative, and the functions are accurate to ~1e-15 (see REFERENCE_REL).
     */
    @Test
    void steadyStatesAndTimeConstantsAtRest() {
        double v = -65.0;
        assertClose(Gate.M.steadyState(v), 0.052932485257249574965, 1e-13, 0, "m_inf");
        assertClose(Gate.H.steadyState(v), 0.59612075350846024184, 1e-13, 0, "h_inf");
        assertClose(Gate.N.steadyState(v), 0.31767691406069738999, 1e-13, 0, "n_inf");
        assertClose(Gate.M.timeConstantMs(v, 1.0), 0.23676687868568760626, 1e-13, 0, "tau_m");
        assertClose(Gate.H.timeConstantMs(v, 1.0), 8.5160107644065748835, 1e-13, 0, "tau_h");
        assertClose(Gate.N.timeConstantMs(v, 1.0), 5.4585846875144208801, 1e-13, 0, "tau_n");
        assertClose(Gate.M.alphaPerMs(v), 0.22356372458463003346, 1e-13, 0, "alpha_m");
        assertClose(Gate.H.betaPerMs(v), 0.047425873177566780879, 1e-13, 0, "beta_h");
        assertClose(Gate.N.alphaPerMs(v), 0.058197670686932642439, 1e-13, 0, "alpha_n");
        assertThat(Gate.M.betaPerMs(v)).isEqualTo(4.0);
        assertThat(Gate.H.alphaPerMs(v)).isEqualTo(0.07);
        assertThat(Gate.N.betaPerMs(v)).isEqualTo(0.125);
        // The textbook values quoted in docs/physics.md.
        assertThat(Gate.M.steadyState(v)).isCloseTo(0.0529, within(5e-5));
        assertThat(Gate.H.steadyState(v)).isCloseTo(0.596, within(5e-4));
        assertThat(Gate.N.steadyState(v)).isCloseTo(0.3177, within(5e-5));
    }

    @Test
    void temperatureFactorIsQ10OfThree() {
        assertThat(HodgkinHuxleyKinetics.temperatureFactor(6.3)).isEqualTo(1.0);
        assertClose(HodgkinHuxleyKinetics.temperatureFactor(16.3), 3.0, 1e-15, 0, "phi(16.3)");
        assertClose(HodgkinHuxleyKinetics.temperatureFactor(26.3), 9.0, 1e-15, 0, "phi(26.3)");
        assertClose(HodgkinHuxleyKinetics.temperatureFactor(-3.7), 1.0 / 3.0, 1e-15, 0, "phi(-3.7)");
        // 3^((37 - 6.3)/10), mpmath at 30 digits; 1e-14 covers the rounding of 37 - 6.3 and of 6.3 itself.
        assertClose(HodgkinHuxleyKinetics.temperatureFactor(37.0), 29.1583034934524859050581460822, 1e-14, 0,
                "phi(37)");
    }

    // ------------------------------------------------------------------ derivatives vs finite differences

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rateDerivativesMatchFiniteDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double v = uniform(rng, -120.0, 60.0);
        for (Gate gate : Gate.values()) {
            // No rate derivative is tiny in [-120, 60] mV (all are exponentials or logistic/f-shaped, >= 1e-5).
            assertClose(gate.alphaDerivativePerMsPerMv(v), centralDifference(gate::alphaPerMs, v, FD_STEP_MV),
                    FD_REL, 0, gate + " alpha'(" + v + ")");
            assertClose(gate.betaDerivativePerMsPerMv(v), centralDifference(gate::betaPerMs, v, FD_STEP_MV),
                    FD_REL, 0, gate + " beta'(" + v + ")");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gateKineticsPartialsMatchFiniteDifferences(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double vVolts = uniform(rng, -0.12, 0.06);
        double x = rng.nextDouble();
        double phi = HodgkinHuxleyKinetics.temperatureFactor(uniform(rng, 0.0, 40.0));
        for (Gate gate : Gate.values()) {
            // d/dx: dx/dt is affine in x, so the central difference is exact up to roundoff
            // eps * |dx/dt| / h ~ 1e-16 * (1e3 phi (alpha+beta)) / 1e-6, i.e. 1e-10 relative.
            DoubleUnaryOperator inX = xx -> gate.dxdtPerS(xx, vVolts, phi);
            assertClose(gate.dxdtPartialXPerS(vVolts, phi), centralDifference(inX, x, 1e-6), FD_REL, 0,
                    gate + " d(dx/dt)/dx");
            // d/dV: step 1e-6 V = FD_STEP_MV. alpha'(1-x) and beta' x can cancel, so "tiny" means small
            // against the size of the two terms: the absolute floor is FD_REL times that size.
            double vMv = 1000.0 * vVolts;
            double termScale = 1e6 * phi * (Math.abs(gate.alphaDerivativePerMsPerMv(vMv)) * (1.0 - x)
                    + Math.abs(gate.betaDerivativePerMsPerMv(vMv)) * x);
            DoubleUnaryOperator inV = vv -> gate.dxdtPerS(x, vv, phi);
            assertClose(gate.dxdtPartialVPerSPerV(x, vVolts, phi), centralDifference(inV, vVolts, 1e-6), FD_REL,
                    FD_REL * termScale, gate + " d(dx/dt)/dV");
        }
    }

    // ------------------------------------------------------------------ SI edge, steady state

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void dxdtIsTheMillisecondEquationInSeconds(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double vVolts = uniform(rng, -0.12, 0.06);
        double vMv = vVolts * 1000.0;
        double x = rng.nextDouble();
        double phi = HodgkinHuxleyKinetics.temperatureFactor(uniform(rng, 0.0, 40.0));
        for (Gate gate : Gate.values()) {
            double a = gate.alphaPerMs(vMv);
            double b = gate.betaPerMs(vMv);
            double scale = 1000.0 * phi * (a + b); // size of the terms, in 1/s
            // Few-ulp agreement (1e-14 of the term size) with the 1952 form converted by hand.
            assertClose(gate.dxdtPerS(x, vVolts, phi), 1000.0 * phi * (a * (1.0 - x) - b * x), 0, 1e-14 * scale,
                    gate + " dx/dt");
            assertClose(gate.dxdtPartialXPerS(vVolts, phi), -scale, 1e-14, 0, gate + " d(dx/dt)/dx");
            // At x_inf the gate does not move (to roundoff of the terms); x_inf in (0, 1).
            double xInf = gate.steadyState(vMv);
            assertThat(xInf).isBetween(0.0, 1.0);
            assertClose(xInf, a / (a + b), 1e-15, 0, gate + " x_inf");
            assertClose(gate.dxdtPerS(xInf, vVolts, phi), 0.0, 0, 1e-14 * scale, gate + " dx/dt at x_inf");
            // tau = 1 / (phi (alpha + beta)) in ms; relaxation rate in 1/s is -d(dx/dt)/dx = 1000 / tau.
            assertClose(gate.timeConstantMs(vMv, phi) * scale, 1000.0, 1e-14, 0, gate + " tau");
        }
    }

    @Test
    void betaHIsFiniteAtExtremeVoltages() {
        for (double v : new double[] {-1e4, -800.0, 800.0, 1e4}) {
            assertThat(Gate.H.betaPerMs(v)).isFinite().isBetween(0.0, 1.0);
            assertThat(Gate.H.betaDerivativePerMsPerMv(v)).isFinite().isGreaterThanOrEqualTo(0.0);
        }
        assertThat(Gate.H.betaPerMs(-35.0)).isEqualTo(0.5);
        assertThat(Gate.H.betaDerivativePerMsPerMv(-35.0)).isEqualTo(0.025);
    }

    // ------------------------------------------------------------------ channel structure, open probability

    @Test
    void channelsHaveTheHodgkinHuxleyGatesAndExponents() {
        HodgkinHuxleyKinetics na = HodgkinHuxleyKinetics.HH_NA;
        assertThat(na.id()).isEqualTo("hh-na");
        assertThat(na.gateCount()).isEqualTo(2);
        assertThat(na.gate(0).symbol()).isEqualTo("m");
        assertThat(na.exponent(0)).isEqualTo(3);
        assertThat(na.gate(1).symbol()).isEqualTo("h");
        assertThat(na.exponent(1)).isEqualTo(1);
        HodgkinHuxleyKinetics k = HodgkinHuxleyKinetics.HH_K;
        assertThat(k.id()).isEqualTo("hh-k");
        assertThat(k.gateCount()).isEqualTo(1);
        assertThat(k.gate(0).symbol()).isEqualTo("n");
        assertThat(k.exponent(0)).isEqualTo(4);
        assertThat(HodgkinHuxleyKinetics.fromId("hh-na")).isSameAs(na);
        assertThat(HodgkinHuxleyKinetics.fromId("hh-k")).isSameAs(k);
        assertThatThrownBy(() -> HodgkinHuxleyKinetics.fromId("hh-ca")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hh-ca");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void openProbabilityAndGradient(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        // Gates away from 0: for x^4 the central-difference error is exactly h^2 x^{-2} relative: 1e-8 at x = 0.01.
        double m = uniform(rng, 0.01, 1.0);
        double h = uniform(rng, 0.01, 1.0);
        double n = uniform(rng, 0.01, 1.0);
        // Gates at an offset inside a larger state vector, gradient at an offset in the output.
        double[] state = {Double.NaN, m, h, Double.NaN};
        double[] grad = new double[4];

        HodgkinHuxleyKinetics na = HodgkinHuxleyKinetics.HH_NA;
        assertThat(na.openProbability(state, 1)).isEqualTo(m * m * m * h);
        na.openProbabilityGradient(state, 1, grad, 2);
        assertThat(grad[2]).isEqualTo(3 * (m * m) * h);
        assertClose(grad[2], centralDifference(mm -> na.openProbability(new double[] {mm, h}, 0), m, 1e-6),
                FD_REL, 0, "dP/dm");
        assertClose(grad[3], centralDifference(hh -> na.openProbability(new double[] {m, hh}, 0), h, 1e-6),
                FD_REL, 0, "dP/dh");
        assertThat(grad[0]).isZero();
        assertThat(grad[1]).isZero();

        HodgkinHuxleyKinetics k = HodgkinHuxleyKinetics.HH_K;
        double[] one = new double[1];
        assertThat(k.openProbability(new double[] {n}, 0)).isEqualTo(n * n * n * n);
        k.openProbabilityGradient(new double[] {n}, 0, one, 0);
        assertClose(one[0], 4 * n * n * n, 1e-15, 0, "dP/dn exact");
        assertClose(one[0], centralDifference(nn -> k.openProbability(new double[] {nn}, 0), n, 1e-6), FD_REL, 0,
                "dP/dn");
    }

    @Test
    void openProbabilityGradientIsExactAtClosedGates() {
        double[] g = new double[2];
        HodgkinHuxleyKinetics.HH_NA.openProbabilityGradient(new double[] {0.0, 0.5}, 0, g, 0);
        assertThat(g).containsExactly(0.0, 0.0);
        HodgkinHuxleyKinetics.HH_NA.openProbabilityGradient(new double[] {0.5, 0.0}, 0, g, 0);
        assertThat(g).containsExactly(0.0, 0.125);
        HodgkinHuxleyKinetics.HH_NA.openProbabilityGradient(new double[] {1.0, 1.0}, 0, g, 0);
        assertThat(g).containsExactly(3.0, 1.0);
        HodgkinHuxleyKinetics.HH_K.openProbabilityGradient(new double[] {0.0}, 0, g, 0);
        assertThat(g[0]).isEqualTo(0.0);
        assertThat(HodgkinHuxleyKinetics.HH_K.openProbability(new double[] {1.0}, 0)).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------ BigDecimal reference (60 digits)

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal TEN = BigDecimal.TEN;

    /** exp(x) to ~55 significant digits: Taylor series after halving the argument below 1, then squaring back. */
    static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) {
            return BigDecimal.ONE.divide(exp(x.negate()), MC);
        }
        int halvings = 0;
        while (x.compareTo(BigDecimal.ONE) > 0) {
            x = x.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal negligible = new BigDecimal("1e-70");
        for (int n = 1; term.compareTo(negligible) > 0; n++) {
            term = term.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    /** u / (1 - exp(-u)), with its limit 1 at u = 0. */
    private static BigDecimal f(BigDecimal u) {
        if (u.signum() == 0) {
            return BigDecimal.ONE;
        }
        return u.divide(BigDecimal.ONE.subtract(exp(u.negate()), MC), MC);
    }

    /** d/du of u / (1 - exp(-u)) = (1 - e - u e) / (1 - e)^2, e = exp(-u), with limit 1/2 at u = 0. */
    private static BigDecimal fPrime(BigDecimal u) {
        if (u.signum() == 0) {
            return new BigDecimal("0.5");
        }
        BigDecimal e = exp(u.negate());
        BigDecimal oneMinusE = BigDecimal.ONE.subtract(e, MC);
        return oneMinusE.subtract(u.multiply(e, MC), MC).divide(oneMinusE.multiply(oneMinusE, MC), MC);
    }

    /** (V + shift) / divisor exactly, V taken as the exact binary value of the double. */
    private static BigDecimal scaled(double v, int shift, int divisor) {
        return new BigDecimal(v).add(BigDecimal.valueOf(shift)).divide(BigDecimal.valueOf(divisor), MC);
    }

    private static double referenceAlpha(Gate gate, double v) {
        switch (gate) {
            case M:
                return f(scaled(v, 40, 10)).doubleValue();
            case H:
                return new BigDecimal("0.07").multiply(exp(scaled(v, 65, 20).negate()), MC).doubleValue();
            default:
                return new BigDecimal("0.1").multiply(f(scaled(v, 55, 10)), MC).doubleValue();
        }
    }

    private static double referenceBeta(Gate gate, double v) {
        switch (gate) {
            case M:
                return BigDecimal.valueOf(4).multiply(exp(scaled(v, 65, 18).negate()), MC).doubleValue();
            case H:
                return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(scaled(v, 35, 10).negate()), MC), MC).doubleValue();
            default:
                return new BigDecimal("0.125").multiply(exp(scaled(v, 65, 80).negate()), MC).doubleValue();
        }
    }

    private static double referenceAlphaDerivative(Gate gate, double v) {
        switch (gate) {
            case M:
                return fPrime(scaled(v, 40, 10)).divide(TEN, MC).doubleValue();
            case H:
                return new BigDecimal("-0.0035").multiply(exp(scaled(v, 65, 20).negate()), MC).doubleValue();
            default:
                return new BigDecimal("0.01").multiply(fPrime(scaled(v, 55, 10)), MC).doubleValue();
        }
    }

    private static double referenceBetaDerivative(Gate gate, double v) {
        switch (gate) {
            case M:
                return BigDecimal.valueOf(-4).divide(BigDecimal.valueOf(18), MC)
                        .multiply(exp(scaled(v, 65, 18).negate()), MC).doubleValue();
            case H: {
                BigDecimal e = exp(scaled(v, 35, 10).negate());
                BigDecimal onePlus = BigDecimal.ONE.add(e, MC);
                return e.divide(onePlus.multiply(onePlus, MC).multiply(TEN, MC), MC).doubleValue();
            }
            default:
                return new BigDecimal("-0.125").divide(BigDecimal.valueOf(80), MC)
                        .multiply(exp(scaled(v, 65, 80).negate()), MC).doubleValue();
        }
    }
}
