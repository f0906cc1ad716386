package org.ionflux.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.stiff.DenseLu;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic Jacobian against central finite differences, and the block-tree solve against a dense LU, on every
 * shipped scenario: at its initial state and at seeded random perturbations of it.
 */
class JacobianTest {

    /** Required agreement on entries that are not tiny (issue 5). */
    static final double RELATIVE = 1e-6;
    /** Entries whose effect on a row is below this fraction of the row's largest effect count as tiny. */
    static final double TINY = 1e-9;

    static List<Path> shipped() throws IOException {
        return Scenarios.allShippedAndTest();
    }

    /** States to test at: the initial state and three seeded perturbations of it (+-20 %, random V). */
    private static List<double[]> states(Model model, long seed) {
        StateLayout layout = new StateLayout(model);
        double[] initial = layout.initialState(model);
        Random rnd = new Random(seed);
        return List.of(initial, perturb(initial, rnd, layout, model), perturb(initial, rnd, layout, model),
                perturb(initial, rnd, layout, model));
    }

    private static double[] perturb(double[] y, Random rnd, StateLayout layout, Model model) {
        double[] p = y.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= 0.8 + 0.4 * rnd.nextDouble();
        }
        for (int m = 0; m < model.membranes().size(); m++) {
            if (layout.potentialIndex(m) >= 0) {
                p[layout.potentialIndex(m)] = -0.09 + 0.12 * rnd.nextDouble();
            }
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void analyticJacobianMatchesCentralDifferences(Path file) {
        Model model = Scenarios.load(file);
        double[] scale = characteristicScale(model);
        int checked = 0;
        for (double[] y : states(model, file.hashCode())) {
            IonFluxSystem system = new IonFluxSystem(model);
            int n = system.dimension();
            double[][] analytic = new double[n][n];
            system.computeJacobian(y, new JacobianSink.Dense(analytic));
            double[][] fd = centralDifferences(system, y, scale);
            for (int i = 0; i < n; i++) {
                double rowScale = 0;
                for (int j = 0; j < n; j++) {
                    rowScale = Math.max(rowScale, Math.abs(fd[i][j]) * scale[j]);
                }
                for (int j = 0; j < n; j++) {
                    double effect = Math.abs(fd[i][j]) * scale[j];
                    double error = Math.abs(analytic[i][j] - fd[i][j]) * scale[j];
                    if (effect > TINY * rowScale) {
                        assertThat(error).as("%s: dF[%d]/dy[%d] analytic %s, differences %s", file, i, j,
                                analytic[i][j], fd[i][j]).isLessThanOrEqualTo(RELATIVE * effect);
                        checked++;
                    } else {
                        assertThat(error).as("%s: tiny dF[%d]/dy[%d]", file, i, j)
                                .isLessThanOrEqualTo(RELATIVE * TINY * rowScale + 1e-300);
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    /**
     * Typical magnitude of each state variable: its initial value, or one output unit (1 mM times the volume for
     * an amount, 1 pL, 1 mV, 1 for a gate) when that is larger, so that an amount starting at 0 is perturbed on
     * the scale of its neighbours.
     */
    private static double[] characteristicScale(Model model) {
        StateLayout layout = new StateLayout(model);
        double[] y = layout.initialState(model);
        double[] atol = layout.absoluteTolerances(model.withSettings(model.settings().withSolver(
                model.settings().solver(), model.settings().relativeTolerance(), 1.0)));
        double[] scale = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            scale[i] = Math.max(Math.abs(y[i]), atol[i]);
        }
        return scale;
    }

    /**
     * Central differences with one Richardson extrapolation, {@code (4 D(h/2) - D(h)) / 3}: truncation O(h^4), so the
     * step can be large (1e-3 of the variable, or of its scale when it is zero) and roundoff stays small even where a
     * micromolar amount sits next to millimolar ones.
     */
    private static double[][] centralDifferences(IonFluxSystem system, double[] y, double[] scale) {
        int n = y.length;
        double[][] jac = new double[n][n];
        double[] coarse = new double[n];
        double[] fine = new double[n];
        for (int j = 0; j < n; j++) {
            double h = 1e-3 * (y[j] != 0 ? Math.abs(y[j]) : scale[j]);
            difference(system, y, j, h, coarse);
            difference(system, y, j, h / 2, fine);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (4 * fine[i] - coarse[i]) / 3;
            }
        }
        return jac;
    }

    private static void difference(IonFluxSystem system, double[] y, int j, double h, double[] out) {
        int n = y.length;
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] yp = y.clone();
        double[] ym = y.clone();
        yp[j] += h;
        ym[j] -= h;
        system.computeDerivatives(0, yp, plus);
        system.computeDerivatives(0, ym, minus);
        for (int i = 0; i < n; i++) {
            out[i] = (plus[i] - minus[i]) / (yp[j] - ym[j]);
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void blockTreeSolveMatchesDenseLu(Path file) {
        Model model = Scenarios.load(file);
        IonFluxSystem system = new IonFluxSystem(model);
        int n = system.dimension();
        double[] y = system.layout().initialState(model);
        BlockTreeLinearization tree = new BlockTreeLinearization(system);
        tree.computeJacobian(0, y, null);
        double[][] w = new double[n][n];
        system.computeJacobian(y, new JacobianSink.Dense(w));
        Random rnd = new Random(42);
        for (double shift : new double[] {1e-3, 1.0, 1e3, 1e6}) {
            double[] dense = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    dense[i * n + j] = -w[i][j];
                }
                dense[i * n + i] += shift;
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = rnd.nextGaussian();
            }
            double[] expected = b.clone();
            int[] pivot = new int[n];
            DenseLu.factor(dense, 0, n, pivot, 0);
            DenseLu.solve(dense, 0, n, pivot, 0, expected, 0, 1);
            double[] actual = b.clone();
            tree.factor(shift);
            tree.solve(actual);
            // residual of the block solution in the dense system, relative to |W| |x| + |b| (backward error):
            // elimination block by block pivots only inside blocks, so allow 1e-10 rather than a few eps
            for (int i = 0; i < n; i++) {
                double r = -b[i];
                double size = Math.abs(b[i]);
                for (int j = 0; j < n; j++) {
                    double a = (i == j ? shift : 0) - w[i][j];
                    r += a * actual[j];
                    size += Math.abs(a * actual[j]);
                }
                assertThat(Math.abs(r)).as("%s shift %s row %d", file, shift, i).isLessThanOrEqualTo(1e-10 * size);
            }
        }
    }
}
