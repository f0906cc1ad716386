package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.util.FastMath;

/**
 * A {@link LinearizedSystem} kept as one dense {@code n x n} matrix, for equations that bring no structure of their
 * own (tests, small systems): the Jacobian comes from a {@link JacobianProvider} or from forward differences, and
 * {@code W = shift I - J} is factored by {@link DenseLu}. Memory is {@code 2 n^2} doubles, allocated here once;
 * nothing is allocated per step.
 */
public final class DenseLinearization implements LinearizedSystem {

    /** The right-hand side {@code f(t, y)}, as the integrator evaluates (and counts) it. */
    @FunctionalInterface
    public interface Derivatives {

        /**
         * Evaluates {@code yDot = f(t, y)}.
         *
         * @param t    time
         * @param y    state (not modified)
         * @param yDot output derivative
         */
        void compute(double t, double[] y, double[] yDot);
    }

    /** Square root of the machine epsilon: the relative increment of forward differences. */
    private static final double SQRT_EPS = FastMath.sqrt(FastMath.ulp(1.0));

    private final int n;
    /** Analytic Jacobian, or null for forward differences. */
    private final JacobianProvider provider;
    /** Right-hand side for forward differences, or null. */
    private final Derivatives derivatives;
    /** Smallest scale of the increment of each component (its absolute tolerance). */
    private final double[] incrementScale;
    private final double[][] jacobian;
    /** {@code W}, then its LU factors, row-major. */
    private final double[] w;
    private final int[] pivot;
    private final double[] yWork;
    private final double[] fWork;

    private DenseLinearization(final int n, final JacobianProvider provider, final Derivatives derivatives,
                               final double[] incrementScale) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + n);
        }
        this.n = n;
        this.provider = provider;
        this.derivatives = derivatives;
        this.incrementScale = incrementScale;
        this.jacobian = new double[n][n];
        this.w = new double[n * n];
        this.pivot = new int[n];
        this.yWork = provider == null ? new double[n] : null;
        this.fWork = provider == null ? new double[n] : null;
    }

    /**
     * A dense linearization over an analytic Jacobian.
     *
     * @param n        state dimension
     * @param provider computes {@code dF/dY}
     * @return the linearization
     */
    public static DenseLinearization analytic(final int n, final JacobianProvider provider) {
        return new DenseLinearization(n, provider, null, null);
    }

    /**
     * A dense linearization by forward differences: column {@code j} of the Jacobian is
     * {@code (f(y + delta_j e_j) - f(y)) / delta_j} with {@code delta_j = sqrt(eps) max(|y_j|, scale_j)} (1 if
     * both are 0), one evaluation of {@code derivatives} per column.
     *
     * @param n           state dimension
     * @param derivatives the right-hand side; give the integrator's counting evaluation so that every call counts
     * @param scale       smallest increment scale per component (the absolute tolerance), {@code n} entries
     * @return the linearization
     */
    public static DenseLinearization finiteDifferences(final int n, final Derivatives derivatives,
                                                       final double[] scale) {
        if (scale.length != n) {
            throw new IllegalArgumentException("scale has " + scale.length + " entries, not " + n);
        }
        return new DenseLinearization(n, null, derivatives, scale.clone());
    }

    @Override
    public void computeJacobian(final double t, final double[] y, final double[] yDot) {
        if (provider != null) {
            provider.computeJacobian(t, y, yDot, jacobian);
            return;
        }
        System.arraycopy(y, 0, yWork, 0, n);
        for (int j = 0; j < n; ++j) {
            final double yj = y[j];
            double scale = FastMath.max(FastMath.abs(yj), incrementScale[j]);
            if (!(scale > 0.0)) {
                scale = 1.0;
            }
            final double perturbed = yj + SQRT_EPS * scale;
            final double delta = perturbed - yj; // exactly representable increment
            yWork[j] = perturbed;
            derivatives.compute(t, yWork, fWork);
            yWork[j] = yj;
            final double inv = 1.0 / delta;
            for (int i = 0; i < n; ++i) {
                jacobian[i][j] = (fWork[i] - yDot[i]) * inv;
            }
        }
    }

    @Override
    public void factor(final double shift) {
        for (int i = 0; i < n; ++i) {
            final double[] ji = jacobian[i];
            final int row = i * n;
            for (int j = 0; j < n; ++j) {
                w[row + j] = -ji[j];
            }
            w[row + i] += shift;
        }
        DenseLu.factor(w, 0, n, pivot, 0);
    }

    @Override
    public void solve(final double[] rhs) {
        DenseLu.solve(w, 0, n, pivot, 0, rhs, 0, 1);
    }
}
