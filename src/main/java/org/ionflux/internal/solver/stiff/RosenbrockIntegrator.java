package org.ionflux.internal.solver.stiff;

import org.apache.commons.math3.exception.DimensionMismatchException;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NoBracketingException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.ode.ExpandableStatefulODE;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.apache.commons.math3.util.FastMath;

import static org.ionflux.internal.solver.stiff.Rodas4Tableau.*;

/**
 * Adaptive Rodas4 Rosenbrock integrator for stiff ODEs, for the Commons Math 3 ODE framework.
 *
 * <p>Rodas4 (E. Hairer and G. Wanner, <i>Solving Ordinary Differential Equations II</i>, 2nd ed.,
 * Springer 1996, section IV.7; Fortran code {@code rodas.f}, coefficients from {@code ROCOE},
 * {@code METH = 1}, see {@link Rodas4Tableau}) is a 6-stage linearly implicit method of order 4,
 * L-stable and stiffly accurate, with an embedded order-3 solution for error estimation and an
 * order-3 continuous extension ({@link RosenbrockStepInterpolator}). Each step needs one
 * Jacobian, one LU factorization of {@code W = I/(h gamma) - J}, six right-hand side evaluations
 * and six linear solves (plus one evaluation for {@code df/dt} if the problem is not autonomous).</p>
 *
 * <p>The integration loop follows Commons Math's {@code EmbeddedRungeKuttaIntegrator.integrate}
 * (sanity checks, {@code initializeStep}, {@code filterStep}, {@code acceptStep}), so step
 * handlers, {@link org.apache.commons.math3.ode.sampling.StepNormalizer} and event handlers work
 * unchanged. Differences: {@code f(t, y)}, the Jacobian and {@code df/dt} are evaluated once per
 * step and reused when the step is rejected; after a rejection the next step may not grow.</p>
 *
 * <p>Error control: weighted RMS norm over the primary (main set) components,
 * {@code tol_i = atol_i + rtol_i max(|y0_i|, |y1_i|)}, of the difference between the order-4 and
 * order-3 solutions; the step is rejected if the norm exceeds 1; the new step is
 * {@code h min(6, max(0.2, 0.9 err^(-1/4)))} (the defaults of {@code rodas.f}).</p>
 *
 * <p>Linearization: the integrator talks only to a {@link LinearizedSystem} (Jacobian at the step start, factor
 * {@code W}, solve). If the primary equations implement {@link LinearizationProvider} and there are no secondary
 * equations, they supply it (a {@link JacobianProvider} through a {@link DenseLinearization} over its analytic
 * Jacobian); otherwise it is a {@link DenseLinearization} by forward differences with increments
 * {@code sqrt(eps) max(|y_j|, atol_j)}, whose extra evaluations go through
 * {@link #computeDerivatives(double, double[], double[])} and so count in {@link #getEvaluations()}.
 * {@code df/dt} is a forward difference in time with increment {@code sqrt(eps max(1e-5, |t|))} (as in
 * {@code rodas.f}) unless the provider declares the problem autonomous.</p>
 */
public class RosenbrockIntegrator extends AdaptiveStepsizeIntegrator {

    /** Name of the method. */
    public static final String METHOD_NAME = "Rodas4";

    /** Number of stages. */
    private static final int STAGES = 6;

    /** Order of the embedded (error estimating) solution. */
    private static final int EMBEDDED_ORDER = 3;

    /** Maximal number of consecutive step halvings on a singular iteration matrix. */
    private static final int MAX_SINGULAR_RETRIES = 5;

    /** Step size control exponent, -1/(q+1) with q the embedded order. */
    private static final double EXP = -1.0 / (EMBEDDED_ORDER + 1);

    /** Safety factor of the step size control (the defaults of Hairer's {@code rodas.f}, as the next two). */
    private static final double SAFETY = 0.9;

    /** Smallest factor by which the step size may change from one attempt to the next. */
    private static final double MIN_REDUCTION = 0.2;

    /** Largest factor by which the step size may change from one step to the next. */
    private static final double MAX_GROWTH = 6.0;

    /** Number of Jacobian evaluations (analytic or finite differences) in the last integration. */
    private int jacobianEvaluations;

    /** Number of accepted steps in the last integration. */
    private int acceptedSteps;

    /** Number of rejected steps (error or singular matrix) in the last integration. */
    private int rejectedSteps;

    /**
     * Builds an integrator with scalar tolerances.
     *
     * @param minStep               minimal step (sign irrelevant); the last step can be smaller
     * @param maxStep               maximal step (sign irrelevant)
     * @param scalAbsoluteTolerance allowed absolute error
     * @param scalRelativeTolerance allowed relative error
     */
    public RosenbrockIntegrator(final double minStep, final double maxStep,
                                final double scalAbsoluteTolerance, final double scalRelativeTolerance) {
        super(METHOD_NAME, minStep, maxStep, scalAbsoluteTolerance, scalRelativeTolerance);
    }

    /**
     * Builds an integrator with per-component tolerances (primary equations only).
     *
     * @param minStep              minimal step (sign irrelevant); the last step can be smaller
     * @param maxStep              maximal step (sign irrelevant)
     * @param vecAbsoluteTolerance allowed absolute error per component
     * @param vecRelativeTolerance allowed relative error per component
     */
    public RosenbrockIntegrator(final double minStep, final double maxStep,
                                final double[] vecAbsoluteTolerance, final double[] vecRelativeTolerance) {
        super(METHOD_NAME, minStep, maxStep, vecAbsoluteTolerance, vecRelativeTolerance);
    }

    /**
     * Returns the order of the method.
     *
     * @return 4
     */
    public int getOrder() {
        return 4;
    }

    /**
     * Returns the number of Jacobian evaluations (analytic or by finite differences) performed
     * during the last integration.
     *
     * @return number of Jacobian evaluations
     */
    public int getJacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Returns the number of accepted steps of the last integration (a step cut by an event
     * counts as one).
     *
     * @return number of accepted steps
     */
    public int getAcceptedSteps() {
        return acceptedSteps;
    }

    /**
     * Returns the number of rejected step attempts of the last integration (error too large or
     * singular iteration matrix).
     *
     * @return number of rejected steps
     */
    public int getRejectedSteps() {
        return rejectedSteps;
    }

    /** {@inheritDoc} */
    @Override
    public void integrate(final ExpandableStatefulODE equations, final double t)
        throws NumberIsTooSmallException, DimensionMismatchException,
               MaxCountExceededException, NoBracketingException {

        sanityChecks(equations, t);
        setEquations(equations);
        final boolean forward = t > equations.getTime();
        jacobianEvaluations = 0;
        acceptedSteps = 0;
        rejectedSteps = 0;

        // create some internal working arrays (all allocation happens here)
        final double[] y0 = equations.getCompleteState();
        final double[] y = y0.clone();
        final int n = y.length;
        final double[] yTmp = y0.clone();       // candidate end-of-step state, shared with interpolator
        final double[] yDot0 = new double[n];   // f(t, y) at step start
        final double[] yDotTmp = new double[n]; // derivative handed to acceptStep
        final double[] yStage = new double[n];
        final double[] fStage = new double[n];
        final double[] dfdt = new double[n];     // df/dt, zero for autonomous problems
        final double[][] k = new double[STAGES][n];

        final FirstOrderDifferentialEquations primary = equations.getPrimary();
        final LinearizationProvider provider = primary instanceof LinearizationProvider p
            && equations.getSecondaryMappers().length == 0 ? p : null;
        final LinearizedSystem linearization = provider != null ? provider.newLinearization()
            : DenseLinearization.finiteDifferences(n, this::computeDerivatives, finiteDifferenceScale(n));
        final boolean autonomous = provider != null && provider.isAutonomous();

        // set up an interpolator sharing the integrator arrays
        final RosenbrockStepInterpolator interpolator = new RosenbrockStepInterpolator();
        interpolator.setUp(yTmp, forward, equations.getPrimaryMapper(), equations.getSecondaryMappers());
        interpolator.storeTime(equations.getTime());

        // set up integration control objects
        stepStart = equations.getTime();
        double hNew = 0;
        boolean firstTime = true;
        boolean previousRejected = false;
        initIntegration(equations.getTime(), y0, t);

        // main integration loop
        isLastStep = false;
        do {

            interpolator.shift();
            resetOccurred = false;

            // derivative, Jacobian and df/dt at step start, reused if the step is rejected
            computeDerivatives(stepStart, y, yDot0);
            for (int i = 0; i < n; ++i) {
                if (!Double.isFinite(yDot0[i])) {
                    throw new NonFiniteDerivativeException(i, stepStart, yDot0[i]);
                }
            }
            linearization.computeJacobian(stepStart, y, yDot0);
            ++jacobianEvaluations;
            if (!autonomous) {
                timeDerivative(stepStart, y, yDot0, dfdt, fStage);
            } // else dfdt stays identically zero

            if (firstTime) {
                final double[] scale = new double[mainSetDimension];
                if (vecAbsoluteTolerance == null) {
                    for (int i = 0; i < scale.length; ++i) {
                        scale[i] = scalAbsoluteTolerance + scalRelativeTolerance * FastMath.abs(y[i]);
                    }
                } else {
                    for (int i = 0; i < scale.length; ++i) {
                        scale[i] = vecAbsoluteTolerance[i] + vecRelativeTolerance[i] * FastMath.abs(y[i]);
                    }
                }
                hNew = initializeStep(forward, getOrder(), scale, stepStart, y, yDot0, yTmp, fStage);
                firstTime = false;
            }

            // iterate over step size, ensuring local normalized error is at most 1
            double error = 10;
            int singularRetries = 0;
            while (!(error <= 1.0)) {

                stepSize = hNew;
                if (forward) {
                    if (stepStart + stepSize >= t) {
                        stepSize = t - stepStart;
                    }
                } else {
                    if (stepStart + stepSize <= t) {
                        stepSize = t - stepStart;
                    }
                }

                // iteration matrix W = I/(h gamma) - J
                final double fac = 1.0 / (stepSize * GAMMA);
                try {
                    linearization.factor(fac);
                } catch (SingularMatrixException sme) {
                    ++rejectedSteps;
                    if (++singularRetries > MAX_SINGULAR_RETRIES) {
                        throw sme;
                    }
                    previousRejected = true;
                    hNew = filterStep(stepSize * 0.5, forward, false);
                    continue;
                }

                error = computeStages(stepStart, stepSize, y, yDot0, dfdt, k, yStage, fStage, yTmp, linearization);
                if (!(error <= 1.0)) {
                    // reject the step and attempt to reduce error by step size control
                    ++rejectedSteps;
                    previousRejected = true;
                    final double factor = Double.isFinite(error)
                        ? FastMath.min(MAX_GROWTH, FastMath.max(MIN_REDUCTION, SAFETY * FastMath.pow(error, EXP)))
                        : MIN_REDUCTION;
                    hNew = filterStep(stepSize * factor, forward, false);
                }

            }

            // local error is small enough: accept the step, trigger events and step handlers
            ++acceptedSteps;
            interpolator.storeStep(y, k);
            interpolator.storeTime(stepStart + stepSize);
            System.arraycopy(yTmp, 0, y, 0, n);
            System.arraycopy(fStage, 0, yDotTmp, 0, n); // f at the embedded end point (last stage)
            stepStart = acceptStep(interpolator, y, yDotTmp, t);
            System.arraycopy(y, 0, yTmp, 0, n);

            if (!isLastStep) {

                // prepare next step
                interpolator.storeTime(stepStart);

                // step size control for next step
                double factor =
                    FastMath.min(MAX_GROWTH, FastMath.max(MIN_REDUCTION, SAFETY * FastMath.pow(error, EXP)));
                if (previousRejected) {
                    factor = FastMath.min(1.0, factor);
                }
                previousRejected = false;
                final double scaledH = stepSize * factor;
                final double nextT = stepStart + scaledH;
                final boolean nextIsLast = forward ? (nextT >= t) : (nextT <= t);
                hNew = filterStep(scaledH, forward, nextIsLast);

                final double filteredNextT = stepStart + hNew;
                final boolean filteredNextIsLast = forward ? (filteredNextT >= t) : (filteredNextT <= t);
                if (filteredNextIsLast) {
                    hNew = t - stepStart;
                }

            }

        } while (!isLastStep);

        // dispatch results
        equations.setTime(stepStart);
        equations.setCompleteState(y);

        resetInternalState();

    }

    /**
     * Computes the six Rodas4 stages for one step attempt, with {@code W} already factored.
     *
     * @param t0     step start
     * @param h      signed step size
     * @param y      state at step start
     * @param yDot0  f(t0, y)
     * @param dfdt   df/dt at (t0, y)
     * @param k      output stage increments u1..u6
     * @param yStage work array
     * @param fStage work array; on exit f(t0 + h, embedded solution)
     * @param yNew   output order-4 solution at t0 + h
     * @param linearization linearization with {@code W} factored
     * @return normalized error (reject if greater than 1)
     */
    private double computeStages(final double t0, final double h, final double[] y, final double[] yDot0,
                                 final double[] dfdt, final double[][] k, final double[] yStage,
                                 final double[] fStage, final double[] yNew, final LinearizedSystem linearization) {
        final int n = y.length;
        final double[] k1 = k[0];
        final double[] k2 = k[1];
        final double[] k3 = k[2];
        final double[] k4 = k[3];
        final double[] k5 = k[4];
        final double[] k6 = k[5];
        final double invH = 1.0 / h;
        final double hd1 = h * D1;
        final double hd2 = h * D2;
        final double hd3 = h * D3;
        final double hd4 = h * D4;

        // stage 1
        for (int i = 0; i < n; ++i) {
            k1[i] = yDot0[i] + hd1 * dfdt[i];
        }
        linearization.solve(k1);

        // stage 2
        for (int i = 0; i < n; ++i) {
            yStage[i] = y[i] + A21 * k1[i];
        }
        computeDerivatives(t0 + C2 * h, yStage, fStage);
        for (int i = 0; i < n; ++i) {
            k2[i] = fStage[i] + hd2 * dfdt[i] + invH * (C21 * k1[i]);
        }
        linearization.solve(k2);

        // stage 3
        for (int i = 0; i < n; ++i) {
            yStage[i] = y[i] + A31 * k1[i] + A32 * k2[i];
        }
        computeDerivatives(t0 + C3 * h, yStage, fStage);
        for (int i = 0; i < n; ++i) {
            k3[i] = fStage[i] + hd3 * dfdt[i] + invH * (C31 * k1[i] + C32 * k2[i]);
        }
        linearization.solve(k3);

        // stage 4
        for (int i = 0; i < n; ++i) {
            yStage[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
        }
        computeDerivatives(t0 + C4 * h, yStage, fStage);
        for (int i = 0; i < n; ++i) {
            k4[i] = fStage[i] + hd4 * dfdt[i] + invH * (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]);
        }
        linearization.solve(k4);

        // stage 5 (c5 = 1, d5 = 0)
        for (int i = 0; i < n; ++i) {
            yStage[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
        }
        computeDerivatives(t0 + h, yStage, fStage);
        for (int i = 0; i < n; ++i) {
            k5[i] = fStage[i] + invH * (C51 * k1[i] + C52 * k2[i] + C53 * k3[i] + C54 * k4[i]);
        }
        linearization.solve(k5);

        // embedded order-3 solution, then stage 6 (c6 = 1, d6 = 0)
        for (int i = 0; i < n; ++i) {
            yStage[i] += k5[i];
        }
        computeDerivatives(t0 + h, yStage, fStage);
        for (int i = 0; i < n; ++i) {
            k6[i] = fStage[i] + invH * (C61 * k1[i] + C62 * k2[i] + C63 * k3[i] + C64 * k4[i] + C65 * k5[i]);
        }
        linearization.solve(k6);

        // order-4 solution; u6 is the difference between order-4 and order-3 solutions
        for (int i = 0; i < n; ++i) {
            yNew[i] = yStage[i] + k6[i];
        }
        return estimateError(k6, y, yNew);
    }

    /**
     * Computes the weighted RMS norm of the local error estimate, over the main set components,
     * exactly as Commons Math's embedded Runge-Kutta integrators do.
     *
     * @param err error estimate (difference between the two solutions)
     * @param y0  state at step start
     * @param y1  state at step end
     * @return normalized error
     */
    private double estimateError(final double[] err, final double[] y0, final double[] y1) {
        double error = 0;
        for (int j = 0; j < mainSetDimension; ++j) {
            final double yScale = FastMath.max(FastMath.abs(y0[j]), FastMath.abs(y1[j]));
            final double tol = (vecAbsoluteTolerance == null)
                ? (scalAbsoluteTolerance + scalRelativeTolerance * yScale)
                : (vecAbsoluteTolerance[j] + vecRelativeTolerance[j] * yScale);
            final double ratio = err[j] / tol;
            error += ratio * ratio;
        }
        return FastMath.sqrt(error / mainSetDimension);
    }

    /**
     * Approximates {@code df/dt} by a forward difference in time (one counted evaluation), with
     * the increment of Hairer's {@code rodas.f}.
     *
     * @param t     time
     * @param y     state
     * @param yDot  f(t, y)
     * @param dfdt  output time derivative
     * @param fWork work array
     */
    private void timeDerivative(final double t, final double[] y, final double[] yDot,
                                final double[] dfdt, final double[] fWork) {
        final double tPlus = t + FastMath.sqrt(FastMath.ulp(1.0) * FastMath.max(1.0e-5, FastMath.abs(t)));
        final double delta = tPlus - t;
        computeDerivatives(tPlus, y, fWork);
        final double inv = 1.0 / delta;
        for (int i = 0; i < y.length; ++i) {
            dfdt[i] = (fWork[i] - yDot[i]) * inv;
        }
    }

    /**
     * Returns the smallest scale of each finite-difference increment: the absolute tolerance of the component
     * (0 for secondary components when the tolerances are per component).
     *
     * @param n dimension of the complete state
     * @return increment scales
     */
    private double[] finiteDifferenceScale(final int n) {
        final double[] scale = new double[n];
        for (int j = 0; j < n; ++j) {
            if (vecAbsoluteTolerance == null) {
                scale[j] = scalAbsoluteTolerance;
            } else {
                scale[j] = j < vecAbsoluteTolerance.length ? vecAbsoluteTolerance[j] : 0.0;
            }
        }
        return scale;
    }
}
