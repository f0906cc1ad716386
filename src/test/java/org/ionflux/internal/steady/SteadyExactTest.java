package org.ionflux.internal.steady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.ionflux.internal.model.Channel;
import org.ionflux.internal.model.Compartment;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.physics.Constants;
import org.ionflux.internal.solver.stiff.DenseLu;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** {@code steady} against the exact steady states and time constants of docs/physics.md section 12. */
class SteadyExactTest {

    private static final double F = Constants.FARADAY_C_PER_MOL;

    /**
     * Donnan (docs/physics.md 12.3) with the capacitive charge kept exactly: both ions at their Nernst potential at
     * one V, {@code K_in = K_o e^(-V/vT)}, {@code Cl_in = Cl_o e^(V/vT)}, and the cell's charge law
     * {@code F Vol (K_in - Cl_in - X) - C A V = F Vol (K0 - Cl0 - X) - C A V0}; V from Brent's method to 1e-16 V.
     * Required: 1e-9 relative, the contract. The steady state is found by Newton to rounding (1e-15), and the closed
     * form is solved to rounding too, so 1e-9 leaves six digits of margin; the formula without the capacitive charge
     * is 2e-6 away, which the test would see.
     */
    @Test
    void donnanEqualsTheClosedFormWithTheCapacitiveChargeToOnePartInABillion() {
        Model model = Scenarios.shipped("donnan");
        SteadyResult r = Steady.solve(model, 0.0);
        assertThat(r.status()).isEqualTo("steady");
        Compartment cell = model.compartments().get(0);
        Compartment bath = model.compartments().get(1);
        Membrane plasma = model.membranes().get(0);
        double vT = Constants.thermalVoltageVolts(model.temperatureK());
        double ko = bath.concentrationMolPerM3(0);
        double clo = bath.concentrationMolPerM3(1);
        double x = cell.concentrationMolPerM3(2);
        double vol = cell.volumeM3();
        double ca = plasma.capacitanceFPerM2() * plasma.areaM2();
        double v0 = plasma.potential().initialVolts();
        double q0 = F * vol * (cell.concentrationMolPerM3(0) - cell.concentrationMolPerM3(1) - x) - ca * v0;
        double v = new BrentSolver(1e-17, 1e-16).solve(1000, vv -> F * vol * (ko * Math.exp(-vv / vT)
                - clo * Math.exp(vv / vT) - x) - ca * vv - q0, -0.1, 0.0);
        double kIn = ko * Math.exp(-v / vT);
        double clIn = clo * Math.exp(v / vT);
        assertThat(r.values().get("plasma.V_mV")).isCloseTo(v * 1e3, within(1e-9 * Math.abs(v * 1e3)));
        assertThat(r.values().get("cell.K_mM")).isCloseTo(kIn, within(1e-9 * kIn));
        assertThat(r.values().get("cell.Cl_mM")).isCloseTo(clIn, within(1e-9 * clIn));
        assertThat(r.values().get("cell.A_mM")).isCloseTo(x, within(1e-12 * x));
        // the textbook formula (no charge on the capacitor) differs by far more than the tolerance
        double ratio = (x + Math.sqrt(x * x + 4 * ko * clo)) / (2 * ko);
        assertThat(Math.abs(r.values().get("cell.K_mM") - ratio * ko)).isGreaterThan(1e-7 * kIn);
        assertThat(r.membranes().get("plasma").get("K").atEquilibrium()).isTrue();
        assertThat(r.membranes().get("plasma").get("Cl").atEquilibrium()).isTrue();
    }

    /**
     * A clamped V, a clamped bath and channels only (the seed example: ohmic Cl, GHK K at -70 mV): every permeant
     * ion at {@code E_X = V}. 1e-12 relative: Newton solves {@code ln(c_out/c_in) = -V/vT} to rounding, 1e-16 on the
     * logarithm, 1e-15 on E_X.
     */
    @Test
    void withAClampAndChannelsOnlyEveryIonIsAtItsEquilibriumPotential() {
        SteadyResult r = Steady.solve(Scenarios.shipped("seed-chloride"), 0.0);
        assertThat(r.status()).isEqualTo("steady");
        double v = r.values().get("plasma.V_mV");
        assertThat(v).isEqualTo(-70.0);
        for (String ion : List.of("Cl", "K")) {
            assertThat(r.values().get("plasma.E_" + ion + "_mV")).isCloseTo(v, within(1e-12 * Math.abs(v)));
            SteadyResult.Equilibrium e = r.membranes().get("plasma").get(ion);
            assertThat(e.atEquilibrium()).isTrue();
            assertThat(Math.abs(e.drivingForceMv())).isLessThanOrEqualTo(1e-12 * 70);
        }
    }

    /**
     * The Kay (2017) pump-leak cell: Cl at equilibrium, Na and K leaking back what the pump moves
     * ({@code g_Na (V - E_Na) + 3 i_p = 0}, {@code g_K (V - E_K) - 2 i_p = 0}), and the inside as osmolar as the
     * bath. "Exactly, to solver tolerance": 1e-9 relative, where Newton's rounding is 1e-14.
     */
    @Test
    void kayCellBalancesPumpAndLeaksAndOsmolarity() {
        Model model = SteadyModels.model(SteadyModels.KAY);
        assertThat(Constants.thermalVoltageVolts(model.temperatureK()) * 1e3).isCloseTo(25.69, within(1e-6));
        SteadyResult r = Steady.solve(model, 0.0);
        assertThat(r.status()).isEqualTo("steady");
        double ipUa = 0.5;
        double gNaMs = 0.01;
        double gKMs = 0.3;
        // uA/cm^2 over mS/cm^2 is mV
        double naDrive = r.membranes().get("plasma").get("Na").drivingForceMv();
        double kDrive = r.membranes().get("plasma").get("K").drivingForceMv();
        assertThat(naDrive).isCloseTo(-3 * ipUa / gNaMs, within(1e-9 * 150));
        assertThat(kDrive).isCloseTo(2 * ipUa / gKMs, within(1e-9 * 3.34));
        assertThat(r.membranes().get("plasma").get("Cl").atEquilibrium()).isTrue();
        double inside = 0;
        double outside = 0;
        for (String ion : List.of("Na", "K", "Cl", "X")) {
            inside += r.values().get("cell." + ion + "_mM");
            outside += r.values().get("bath." + ion + "_mM");
        }
        assertThat(inside).isCloseTo(outside, within(1e-9 * outside));
        assertThat(r.residual()).isLessThanOrEqualTo(SteadySolver.RESIDUAL_TOLERANCE_PER_S);
        // a student sees the membrane charge in milliseconds and the ions redistribute over minutes
        List<SteadyResult.TimeConstant> taus = r.timeConstants();
        assertThat(taus.get(0).tauS()).isGreaterThan(60);
        assertThat(taus.get(taus.size() - 1).tauS()).isLessThan(0.01);
        assertThat(taus.get(taus.size() - 1).dominant()).containsExactly("plasma.V_mV");
    }

    /**
     * The same cell run for 20000 s (100 times its slowest time constant, 197 s, so the transient is below e^-100)
     * with rosenbrock at rtol 1e-8, atol 1e-10: its last row equals the steady state within the run's own tolerance,
     * {@code atol + rtol |y|} per column (its global error at a stable steady state does not accumulate).
     */
    @Test
    void kayCellAgreesWithTheEndOfALongRun() {
        Model model = SteadyModels.model(SteadyModels.KAY);
        SteadyResult r = Steady.solve(model, 0.0);
        Scenarios.Run run = Scenarios.run(model);
        assertThat(run.result().status().key()).isEqualTo("completed");
        assertThat(r.timeConstants().get(0).tauS() * 100).isLessThan(model.settings().durationS());
        List<double[]> rows = run.trace().rows();
        double[] last = rows.get(rows.size() - 1);
        double rtol = model.settings().relativeTolerance();
        double atol = model.settings().absoluteTolerance();
        for (String column : List.of("plasma.V_mV", "cell.Na_mM", "cell.K_mM", "cell.Cl_mM", "cell.X_mM",
                "cell.volume_pL")) {
            double steady = r.values().get(column);
            assertThat(last[run.trace().indexOf(column)]).as(column)
                    .isCloseTo(steady, within(atol + rtol * Math.abs(steady)));
        }
    }

    /**
     * KCC2 alone between a closed cell and a finite bath: its Jacobian has rank 1 for 4 unknowns, so plain Newton
     * has nothing to stand on (its LU meets a zero pivot, or the steps it takes from rounding-level pivots run away);
     * with the laws imposed Newton converges, and {@code n_K - n_Cl} is one of them.
     */
    @Test
    void theLawsMakeASingularJacobianRegular() {
        Model model = SteadyModels.model(SteadyModels.KCC2);
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        assertThat(unconstrainedNewtonConverges(problem)).isFalse();
        SteadyResult r = Steady.solve(model, 0.0);
        assertThat(r.status()).isEqualTo("steady");
        assertThat(r.method()).isEqualTo("newton");
        assertThat(r.conserved().stream().map(SteadyResult.Conserved::description)).contains("K - Cl amount in cell");
        // KCC2 stops where E_K = E_Cl; the amounts keep their totals
        SteadyResult.Equilibrium k = r.membranes().get("plasma").get("K");
        SteadyResult.Equilibrium cl = r.membranes().get("plasma").get("Cl");
        assertThat(k.eMv()).isCloseTo(cl.eMv(), within(1e-9));
        double clTotal = r.values().get("cell.Cl_mM") * 1 + r.values().get("bath.Cl_mM") * 4;
        assertThat(clTotal).isCloseTo(10 + 120 * 4, within(1e-10 * 490));
    }

    /** @return true if Newton with the plain Jacobian reaches the residual tolerance from the initial state */
    private static boolean unconstrainedNewtonConverges(SteadyProblem problem) {
        int n = problem.physicalDimension();
        double[] y = problem.initialState();
        try {
            for (int it = 0; it < 50; it++) {
                double[] f = problem.rates(y);
                if (problem.residual(y, f) <= SteadySolver.RESIDUAL_TOLERANCE_PER_S) {
                    return true;
                }
                double[] w = new double[n * n];
                problem.system().computeJacobian(y, (row, col, value) -> {
                    if (row < n && col < n) {
                        w[row * n + col] -= value;
                    }
                });
                int[] pivot = new int[n];
                DenseLu.factor(w, 0, n, pivot, 0);
                double[] dy = java.util.Arrays.copyOf(f, n);
                DenseLu.solve(w, 0, n, pivot, 0, dy, 0, 1);
                for (int i = 0; i < n; i++) {
                    y[i] += dy[i];
                }
            }
        } catch (SingularMatrixException e) {
            return false;
        }
        return false;
    }

    /**
     * GHK relaxation at a clamped V (docs/physics.md 12.1): one mode, {@code tau = Vol (1 - e^-u) / (P A u)}.
     * 1e-8 relative: the analytic Jacobian is that formula evaluated in doubles (1e-15).
     */
    @Test
    void theGhkTimeConstantIsExact() {
        Model model = Scenarios.shipped("ghk-relaxation");
        SteadyResult r = Steady.solve(model, 0.0);
        Membrane plasma = model.membranes().get(0);
        double u = plasma.potential().initialVolts() / Constants.thermalVoltageVolts(model.temperatureK());
        double p = ((Channel.Ghk) plasma.channels().get(0)).permeabilityMPerS();
        double tau = model.compartments().get(0).volumeM3() * (1 - Math.exp(-u)) / (p * plasma.areaM2() * u);
        assertThat(r.timeConstants()).hasSize(1);
        assertThat(r.timeConstants().get(0).tauS()).isCloseTo(tau, within(1e-8 * tau));
        assertThat(r.timeConstants().get(0).dominant()).containsExactly("cell.K_mM");
        assertThat(r.timeConstants().get(0).periodS()).isNaN();
    }

    /**
     * An RC membrane: its one mode (the charge law ties K to V) is {@code tau = (C/g) / (1 + C A vT / (F c Vol))}:
     * the capacitor's C/g, shortened by 2e-5 because charging it moves K and so E_K (derivation: with
     * {@code F dn = C A dV}, {@code d(V - E_K)/dt = -(g/C)(1 + C A vT / (F c Vol)) (V - E_K)}). To 1e-10 relative;
     * C/g itself holds to 3e-5.
     */
    @Test
    void anRcMembraneChargesWithCOverG() {
        Model model = SteadyModels.model(SteadyModels.RC);
        SteadyResult r = Steady.solve(model, 0.0);
        Membrane plasma = model.membranes().get(0);
        double c = plasma.capacitanceFPerM2();
        double g = ((Channel.Ohmic) plasma.channels().get(0)).conductanceSPerM2();
        double vT = Constants.thermalVoltageVolts(model.temperatureK());
        double kIn = r.values().get("cell.K_mM");
        double correction = c * plasma.areaM2() * vT / (F * kIn * model.compartments().get(0).volumeM3());
        SteadyResult.TimeConstant fast = r.timeConstants().get(r.timeConstants().size() - 1);
        assertThat(fast.tauS()).isCloseTo(c / g / (1 + correction), within(1e-10 * c / g));
        assertThat(fast.tauS()).isCloseTo(c / g, within(3e-5 * c / g));
        assertThat(fast.dominant()).contains("plasma.V_mV");
    }

    /** The Kay cell without its pump swells without end: no steady state, and the volume is named. */
    @Test
    void aSwellingCellHasNoSteadyState() {
        SteadyResult r = Steady.solve(SteadyModels.model(SteadyModels.SWELLING), 0.0);
        assertThat(r.status()).isEqualTo("no_steady_state");
        assertThat(r.message()).contains("volume of cell").contains("grows without bound");
        assertThat(r.values()).isEmpty();
        assertThat(r.timeConstants()).isEmpty();
    }

    /** A constant pump with no Na leak would need a negative Na: no steady state, and the amount is named. */
    @Test
    void anAmountDrivenBelowZeroHasNoSteadyState() {
        String yaml = SteadyModels.KAY.replace("      - {ion: Na, conductance: 0.01 mS/cm^2}\n", "")
                .replace("    water_permeability: 2e-3 cm/s\n", "");
        SteadyResult r = Steady.solve(SteadyModels.model(yaml), 0.0);
        assertThat(r.status()).isEqualTo("no_steady_state");
        assertThat(r.message()).contains("amount of Na in cell").contains("negative");
    }

    /** Parameters in force at T: at 1200 s the shipped pump-leak cell's pump is blocked, and the state changes. */
    @Test
    void eventsAtOrBeforeTheTimeApply() {
        Model model = Scenarios.shipped("pump-leak-cell");
        SteadyResult rest = Steady.solve(model, 0.0);
        SteadyResult blocked = Steady.solve(model, 1200.0);
        assertThat(rest.status()).isEqualTo("steady");
        assertThat(rest.values().get("plasma.V_mV")).isCloseTo(-69.29, within(0.01));
        // without the pump the bath's impermeant Y (33.5 mM) lets a Donnan state balance osmolarity: 4.49 pL
        assertThat(blocked.status()).isEqualTo("steady");
        assertThat(blocked.values().get("cell.volume_pL")).isGreaterThan(4 * rest.values().get("cell.volume_pL"));
        assertThat(blocked.atS()).isEqualTo(1200.0);
    }

    /** Many cells around one space: the laws are local, Newton runs on the block tree and converges. */
    @Test
    void manyCellsConvergeOnTheBlockTree() {
        Model model = SteadyTestModels.cellsAroundSpace(200);
        SteadyResult r = Steady.solve(model, 0.0);
        assertThat(r.status()).isEqualTo("steady");
        assertThat(r.method()).isEqualTo("newton");
        // every cell ends where the single pump-leak cell does (the space is open to the same bath)
        SteadyResult one = Steady.solve(Scenarios.shipped("pump-leak-cell"), 0.0);
        assertThat(r.values().get("m0.V_mV")).isCloseTo(one.values().get("plasma.V_mV"), within(1e-6));
        assertThat(r.timeConstants()).isNotEmpty();
        assertThat(r.timeConstants().get(0).tauS()).isGreaterThan(100);
    }

    /**
     * The Krylov iteration stops when the ten slowest converged Ritz values repeat from one check to the next: the
     * time constants are those of the full {@link TimeConstants#KRYLOV_DIMENSION}-vector space, to 1e-9.
     */
    @Test
    void stoppingTheKrylovSpaceEarlyKeepsTheTimeConstants() {
        Model model = SteadyTestModels.cellsAroundSpace(200);
        SteadyProblem problem = new SteadyProblem(model, 0.0);
        LawSet laws = new LawSet(problem, ConservationLaws.of(problem).physical());
        assertThat(problem.physicalDimension() - laws.size()).isGreaterThan(TimeConstants.DENSE_LIMIT);
        SteadySolver.Outcome outcome = new SteadySolver(problem, laws).solve();
        List<TimeConstants.Mode> early = TimeConstants.of(problem, laws, outcome.y(), true);
        List<TimeConstants.Mode> full = TimeConstants.of(problem, laws, outcome.y(), false);
        assertThat(early).hasSize(TimeConstants.KRYLOV_MODES).hasSameSizeAs(full);
        for (int k = 0; k < full.size(); k++) {
            double tau = full.get(k).tauS();
            assertThat(early.get(k).tauS()).isCloseTo(tau, within(1e-9 * Math.abs(tau)));
            assertThat(early.get(k).imagPerS()).isCloseTo(full.get(k).imagPerS(),
                    within(1e-9 * Math.abs(full.get(k).realPerS())));
        }
    }
}
