package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ionflux.internal.physics.NumericAssertions.assertClose;
import static org.ionflux.internal.physics.NumericAssertions.centralDifference;
import static org.ionflux.internal.physics.NumericAssertions.logUniform;
import static org.ionflux.internal.physics.NumericAssertions.uniform;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CotransporterTest {

    /*
     * Tolerances.
     * EQ_REL = 1e-14: at equilibrium j / L = sum nu (ln(c_in/c_out) + z u) cancels to 0 between terms of
     * size S = sum |nu| (|ln(c_in/c_out)| + |z u|) (~10 here). Each log, product and sum rounds to ~1 ulp,
     * and the hand-built equilibrium concentration/voltage carries a few ulp of its own, so |j| / (L S)
     * ~ 10 eps = 2e-15; 1e-14 is a factor 5 over that.
     * CROSS_REL = 1e-13 (of S): j computed here as L sum nu ln(...) vs. L (sum nu dmu)/(RT) with dmu from
     * Nernst: the two differ in the order of roundings, RT ln(r) + zFV then / RT, ~ a few eps of S.
     * FD_REL = 1e-6 (brief): dj/dc is L nu / c, the log's relative third derivative gives truncation
     * (h/c)^2 = 1e-10 at h = 1e-5 c; j is affine in V so the V difference only sees roundoff
     * eps S / (h/V_T) ~ 1e-16 * 10 / (1e-6 / 0.026) = 3e-11 of dj/dV ~ L/V_T. For electroneutral
     * transporters dj/dV = 0 exactly; the absolute floor FD_REL * L * sum|nu z| / V_T says "tiny" there.
     */
    private static final double EQ_REL = 1e-14;
    private static final double CROSS_REL = 1e-13;
    private static final double FD_REL = 1e-6;
    private static final double F = Constants.FARADAY_C_PER_MOL;
    private static final double R = Constants.GAS_CONSTANT_J_PER_MOL_K;
    private static final double T = 310.15;
    private static final double L = 1e-6;

    /** NKCC1: Na, K, Cl at 1:1:2, all outward-positive in the same direction. */
    private static final double[] NKCC1_NU = {1, 1, 2};
    private static final double[] NKCC1_Z = {1, 1, -1};
    /** KCC2: K, Cl at 1:1. */
    private static final double[] KCC2_NU = {1, 1};
    private static final double[] KCC2_Z = {1, -1};
    /** NCX: 3 Na one way, 1 Ca the other. */
    private static final double[] NCX_NU = {3, -1};
    private static final double[] NCX_Z = {1, 2};

    static LongStream seeds() {
        return NumericAssertions.seeds(100);
    }

    /** Size of the terms that cancel in j / L, for tolerances. */
    private static double termScale(double[] nu, double[] z, double[] in, double[] out, double v, double t) {
        double u = v / Constants.thermalVoltageVolts(t);
        double s = 0;
        for (int k = 0; k < nu.length; k++) {
            s += Math.abs(nu[k]) * (Math.abs(Math.log(in[k] / out[k])) + Math.abs(z[k] * u));
        }
        return s;
    }

    // ------------------------------------------------------------------ equilibria

    @ParameterizedTest(name = "V = {0} V")
    @ValueSource(doubles = {-0.09, -0.07, 0.0, 0.03})
    void kcc2StopsWhenPotassiumAndChlorideRatiosMatch(double v) {
        // K_in / K_out = Cl_out / Cl_in  <=>  dmu_K + dmu_Cl = RT ln(K_in Cl_in / (K_out Cl_out)) = 0, any V.
        double kIn = 140, kOut = 5, clOut = 120;
        double clIn = clOut * kOut / kIn;
        double[] in = {kIn, clIn};
        double[] out = {kOut, clOut};
        double j = Cotransporter.cycleFluxDensityMolPerM2S(L, KCC2_NU, KCC2_Z, in, out, v, T);
        assertThat(Math.abs(j)).isLessThanOrEqualTo(EQ_REL * L * termScale(KCC2_NU, KCC2_Z, in, out, v, T));
        assertThat(Math.abs(Cotransporter.drivingFreeEnergyJPerMol(KCC2_NU, KCC2_Z, in, out, v, T)))
                .isLessThanOrEqualTo(EQ_REL * R * T * termScale(KCC2_NU, KCC2_Z, in, out, v, T));
        // Raising Cl_in a little drives KCC2 outward (it extrudes Cl), lowering it drives it inward.
        assertThat(Cotransporter.cycleFluxDensityMolPerM2S(L, KCC2_NU, KCC2_Z, new double[] {kIn, clIn * 1.01}, out,
                v, T)).isPositive();
        assertThat(Cotransporter.cycleFluxDensityMolPerM2S(L, KCC2_NU, KCC2_Z, new double[] {kIn, clIn * 0.99}, out,
                v, T)).isNegative();
    }

    @Test
    void nkcc1StopsWhenIonProductsMatch() {
        // Na_in K_in Cl_in^2 = Na_out K_out Cl_out^2  <=>  sum nu dmu = 0 (electroneutral, so any V).
        double naIn = 12, naOut = 145, kIn = 140, kOut = 5, clOut = 120;
        double clIn = clOut * Math.sqrt(naOut * kOut / (naIn * kIn));
        double[] in = {naIn, kIn, clIn};
        double[] out = {naOut, kOut, clOut};
        double v = -0.065;
        double j = Cotransporter.cycleFluxDensityMolPerM2S(L, NKCC1_NU, NKCC1_Z, in, out, v, T);
        assertThat(Math.abs(j)).isLessThanOrEqualTo(EQ_REL * L * termScale(NKCC1_NU, NKCC1_Z, in, out, v, T));
        // NKCC1 normally loads Cl: below that Cl_in it moves ions inward (j < 0).
        in[2] = 0.5 * clIn;
        assertThat(Cotransporter.cycleFluxDensityMolPerM2S(L, NKCC1_NU, NKCC1_Z, in, out, v, T)).isNegative();
    }

    @Test
    void ncxStopsAtItsReversalPotential() {
        // 3 dmu_Na - dmu_Ca = 0  <=>  V = (RT/F) (ln(Ca_in/Ca_out) - 3 ln(Na_in/Na_out)) = 3 E_Na - 2 E_Ca.
        double naIn = 12, naOut = 145, caIn = 1e-4, caOut = 2;
        double vT = Constants.thermalVoltageVolts(T);
        double vRev = vT * (Math.log(caIn / caOut) - 3 * Math.log(naIn / naOut));
        assertClose(vRev, 3 * Nernst.nernstPotentialVolts(1, naIn, naOut, T)
                - 2 * Nernst.nernstPotentialVolts(2, caIn, caOut, T), 1e-14, 0, "E_NCX");
        double[] in = {naIn, caIn};
        double[] out = {naOut, caOut};
        double j = Cotransporter.cycleFluxDensityMolPerM2S(L, NCX_NU, NCX_Z, in, out, vRev, T);
        assertThat(Math.abs(j)).isLessThanOrEqualTo(EQ_REL * L * termScale(NCX_NU, NCX_Z, in, out, vRev, T));
        // Above E_NCX the cycle runs "forward" (3 Na out, 1 Ca in, net + charge out): outward current.
        double jUp = Cotransporter.cycleFluxDensityMolPerM2S(L, NCX_NU, NCX_Z, in, out, vRev + 1e-3, T);
        double jDown = Cotransporter.cycleFluxDensityMolPerM2S(L, NCX_NU, NCX_Z, in, out, vRev - 1e-3, T);
        assertThat(jUp).isPositive();
        assertThat(jDown).isNegative();
        assertThat(Cotransporter.currentDensityAPerM2(jUp, NCX_NU, NCX_Z)).isPositive();
        // Physiological sanity: E_NCX here is about -65 mV.
        assertThat(vRev).isBetween(-0.07, -0.06);
    }

    // ------------------------------------------------------------------ random states

    private static final double[][] NUS = {NKCC1_NU, KCC2_NU, NCX_NU};
    private static final double[][] ZS = {NKCC1_Z, KCC2_Z, NCX_Z};

    /** One of NKCC1, KCC2, NCX at seeded random concentrations (log-uniform), V, T and rate. */
    private record RandomState(double[] nu, double[] z, double[] in, double[] out, double v, double t, double rate) {
        static RandomState of(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int which = rng.nextInt(3);
            double[] nu = NUS[which];
            double[] in = new double[nu.length];
            double[] out = new double[nu.length];
            for (int k = 0; k < nu.length; k++) {
                in[k] = logUniform(rng, 1e-5, 300);
                out[k] = logUniform(rng, 1e-5, 300);
            }
            double v = uniform(rng, -0.1, 0.06);
            double t = uniform(rng, 273.15, 315.15);
            return new RandomState(nu, ZS[which], in, out, v, t, logUniform(rng, 1e-12, 1e-3));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fluxHasTheSignOfTheDrivingFreeEnergyAndItsSize(long seed) {
        RandomState st = RandomState.of(seed);
        double[] nu = st.nu();
        double[] z = st.z();
        double[] in = st.in();
        double[] out = st.out();
        double v = st.v();
        double t = st.t();
        double rate = st.rate();

        // Independent sum nu dmu, straight from the definition dmu = RT ln(c_in/c_out) + z F V.
        double g = 0;
        for (int k = 0; k < nu.length; k++) {
            g += nu[k] * (R * t * Math.log(in[k] / out[k]) + z[k] * F * v);
        }
        double scale = termScale(nu, z, in, out, v, t);
        double j = Cotransporter.cycleFluxDensityMolPerM2S(rate, nu, z, in, out, v, t);
        assertClose(j, rate * g / (R * t), 0, CROSS_REL * rate * scale, "j = L sum nu dmu / RT");
        assertClose(Cotransporter.drivingFreeEnergyJPerMol(nu, z, in, out, v, t), g, 0, CROSS_REL * R * t * scale,
                "sum nu dmu");
        if (Math.abs(g) > 1e-9 * R * t * scale) {
            assertThat(Math.signum(j)).isEqualTo(Math.signum(g));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void partialsMatchFiniteDifferences(long seed) {
        RandomState st = RandomState.of(seed);
        double[] nu = st.nu();
        double[] z = st.z();
        double[] in = st.in();
        double[] out = st.out();
        double v = st.v();
        double t = st.t();
        double rate = st.rate();

        double[] dIn = new double[nu.length];
        double[] dOut = new double[nu.length];
        Cotransporter.cycleFluxPartialsInside(rate, nu, in, dIn);
        Cotransporter.cycleFluxPartialsOutside(rate, nu, out, dOut);
        for (int k = 0; k < nu.length; k++) {
            final int kk = k;
            // Never tiny: |L nu / c| > 0. Perturb a copy so the other entries stay put.
            double[] inCopy = in.clone();
            double fdIn = centralDifference(c -> {
                inCopy[kk] = c;
                return Cotransporter.cycleFluxDensityMolPerM2S(rate, nu, z, inCopy, out, v, t);
            }, in[k], 1e-5 * in[k]);
            assertClose(dIn[k], fdIn, FD_REL, 0, "dj/dc_in[" + k + "]");
            double[] outCopy = out.clone();
            double fdOut = centralDifference(c -> {
                outCopy[kk] = c;
                return Cotransporter.cycleFluxDensityMolPerM2S(rate, nu, z, in, outCopy, v, t);
            }, out[k], 1e-5 * out[k]);
            assertClose(dOut[k], fdOut, FD_REL, 0, "dj/dc_out[" + k + "]");
        }
        double vT = Constants.thermalVoltageVolts(t);
        double absNuZ = 0;
        for (int k = 0; k < nu.length; k++) {
            absNuZ += Math.abs(nu[k] * z[k]);
        }
        double fdV = centralDifference(vv -> Cotransporter.cycleFluxDensityMolPerM2S(rate, nu, z, in, out, vv, t), v,
                1e-6);
        assertClose(Cotransporter.cycleFluxPartialVoltage(rate, nu, z, t), fdV, FD_REL, FD_REL * rate * absNuZ / vT,
                "dj/dV");
    }

    // ------------------------------------------------------------------ charge and species fluxes

    @Test
    void electroneutralTransportersCarryNoCurrent() {
        assertThat(Cotransporter.netChargePerCycle(NKCC1_NU, NKCC1_Z)).isEqualTo(0.0);
        assertThat(Cotransporter.netChargePerCycle(KCC2_NU, KCC2_Z)).isEqualTo(0.0);
        assertThat(Cotransporter.netChargePerCycle(NCX_NU, NCX_Z)).isEqualTo(1.0);
        for (double j : new double[] {-3e-7, 0.0, 2e-6}) {
            assertThat(Math.abs(Cotransporter.currentDensityAPerM2(j, NKCC1_NU, NKCC1_Z))).isEqualTo(0.0);
            assertThat(Math.abs(Cotransporter.currentDensityAPerM2(j, KCC2_NU, KCC2_Z))).isEqualTo(0.0);
            // NCX: F j (3 * 1 + (-1) * 2) = F j.
            assertThat(Cotransporter.currentDensityAPerM2(j, NCX_NU, NCX_Z)).isEqualTo(F * j);
        }
        assertThat(Math.abs(Cotransporter.cycleFluxPartialVoltage(L, NKCC1_NU, NKCC1_Z, T))).isEqualTo(0.0);
        assertThat(Math.abs(Cotransporter.cycleFluxPartialVoltage(L, KCC2_NU, KCC2_Z, T))).isEqualTo(0.0);
        assertClose(Cotransporter.cycleFluxPartialVoltage(L, NCX_NU, NCX_Z, T), L * F / (R * T), 1e-15, 0,
                "NCX dj/dV");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void speciesFluxesCarryTheCurrent(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double j = uniform(rng, -1e-6, 1e-6);
        double area = logUniform(rng, 1e-12, 1e-6);
        for (int w = 0; w < 3; w++) {
            double[] nu = NUS[w];
            double[] z = ZS[w];
            double chargeFlux = 0;
            double absChargeFlux = 0;
            for (int k = 0; k < nu.length; k++) {
                double jx = Cotransporter.speciesFluxMolPerS(j, nu[k], area);
                assertClose(jx, nu[k] * j * area, 1e-15, 0, "J_X");
                chargeFlux += z[k] * jx;
                absChargeFlux += Math.abs(z[k] * jx);
            }
            // sum z_X J_X F / A = i, to roundoff of the terms (which cancel for NKCC1, KCC2).
            assertClose(F * chargeFlux / area, Cotransporter.currentDensityAPerM2(j, nu, z), 0,
                    1e-14 * F * absChargeFlux / area, "charge conservation");
        }
        double jNa = Cotransporter.speciesFluxMolPerS(j, 3, area);
        double jCa = Cotransporter.speciesFluxMolPerS(j, -1, area);
        assertClose(jNa, -3 * jCa, 1e-15, 0, "NCX 3 Na per Ca");
    }

    @Test
    void mismatchedSpeciesArraysAreRejected() {
        assertThatThrownBy(() -> Cotransporter.cycleFluxDensityMolPerM2S(L, NKCC1_NU, KCC2_Z, new double[3],
                new double[3], 0, T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cotransporter.cycleFluxPartialsInside(L, NKCC1_NU, new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cotransporter.netChargePerCycle(NCX_NU, NKCC1_Z))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
