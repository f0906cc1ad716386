package org.ionflux.internal.steady;

import java.util.Locale;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The global strategy of {@code steady}: damped Newton from the initial state with the conservation laws imposed
 * ({@link NewtonSystem}); if it does not converge, pseudo-transient continuation (implicit Euler with growing
 * steps, which follows the relaxation of the equations themselves and keeps every conservation law exactly), with a
 * Newton attempt each time the pseudo-time step has grown a hundredfold; when the relaxation runs away (a volume
 * grows or shrinks without bound, a concentration or potential leaves any physical range, an amount is driven to
 * zero and still falls), there is no steady state, and the drifting quantity is named.
 *
 * <p><b>Damping</b> (Deuflhard, <i>Newton Methods for Nonlinear Problems</i>, Springer 2004, section 3.3): a step
 * {@code lambda dy} is accepted when the simplified Newton correction at the new point, solved with the same
 * matrix, is at most {@code (1 - lambda / 4)} of {@code dy} in the scaled norm (the natural monotonicity test,
 * invariant under the scaling of the equations, which mix millisecond potentials and hour-long amounts), otherwise
 * lambda is halved; amounts and volumes never lose more than 90 % in one step (fraction to the boundary), so
 * logarithms stay finite.</p>
 *
 * <p><b>Convergence</b>: the Newton correction, the estimated distance to the exact steady state, is at most
 * {@link #STEP_TOLERANCE} of every physical variable's tolerance weight {@code atol_i + rtol |y_i|} (or, when
 * rounding stops it from shrinking further, at most 1e-2 of it), and then the residual, the largest
 * {@code |f_i| / (atol_i + rtol |y_i|)}, is at most {@link #RESIDUAL_TOLERANCE_PER_S}. A point that fails either is
 * never reported as steady.</p>
 *
 * <p><b>Pseudo-relaxation continuation</b> (Kelley and Keyes, SIAM J. Numer. Anal. 35, 1998): steps of
 * {@code (I/dt - J) dy = f} from {@code dt} = the fastest time scale {@code 1 / max |J_ii|}, growing by the
 * decrease of the residual ("switched evolution relaxation"), at most tenfold per step, up to {@link #DT_MAX_S}; a
 * step that leaves the physical domain is cut to 90 % of the way to the boundary and the next step halved.</p>
 */
final class SteadySolver {

    /** How the solve ended. */
    enum Status {
        /** A steady state within tolerance. */
        STEADY("steady"),
        /** The equations have no steady state; the drifting quantity is named. */
        NO_STEADY_STATE("no_steady_state"),
        /** No steady state found; the best point's residual is reported. */
        NOT_CONVERGED("not_converged");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        /** @return the name in steady.json */
        String key() {
            return key;
        }
    }

    /**
     * The result of a solve.
     *
     * @param status     how it ended
     * @param method     {@code newton}, {@code ptc+newton} or {@code ptc}
     * @param iterations Newton iterations plus pseudo-transient steps
     * @param residual   the residual of y, 1/s
     * @param y          the steady state (or the best point, or the last one for no_steady_state)
     * @param message    why, when not steady (null otherwise)
     */
    record Outcome(Status status, String method, int iterations, double residual, double[] y, String message) {
    }

    /** Newton corrections (in tolerance weights) below this have converged. */
    static final double STEP_TOLERANCE = 1e-6;
    /** A Newton correction that rounding stops from shrinking is accepted below this (in tolerance weights). */
    static final double STAGNATION_TOLERANCE = 1e-2;
    /**
     * Largest residual of a steady state, per second: no physical variable changes by more than 1e-3 of its
     * tolerance weight {@code atol + rtol |y|} in a second. It is reached with many orders of magnitude to spare once
     * the Newton correction is converged (the fastest modes are about 1e3 per second); rounding in the membrane
     * current sets the floor, about 1e-6 per second at rtol 1e-8.
     */
    static final double RESIDUAL_TOLERANCE_PER_S = 1e-3;
    /** Newton iterations from the initial state. */
    static final int NEWTON_MAX_ITERATIONS = 50;
    /** Newton iterations of each attempt from a pseudo-transient point. */
    static final int NEWTON_ATTEMPT_ITERATIONS = 25;
    /** Smallest damping factor before Newton gives up. */
    static final double LAMBDA_MIN = 1e-8;
    /** Pseudo-relaxation steps (accepted or not) before giving up. */
    static final int PTC_MAX_STEPS = 2000;
    /** Largest pseudo-transient step, s (3e4 years: far beyond any relaxation of a cell). */
    static final double DT_MAX_S = 1e12;
    /** A volume that grows or shrinks by this factor has no steady state. */
    static final double VOLUME_GROWTH_LIMIT = 1e3;
    /** A concentration above this has no steady state, mol/m^3 (100 M, ten times the scenario limit). */
    static final double MAX_CONCENTRATION_MOL_PER_M3 = 1e5;
    /** A potential beyond this has no steady state, V. */
    static final double MAX_POTENTIAL_V = 10;
    /** Consecutive steps cut at the same vanishing amount before the amount is declared driven negative. */
    static final int BOUNDARY_STEPS = 20;

    private final SteadyProblem problem;
    private final LawSet laws;
    private final int physical;
    private final double[] initial;
    private NewtonSystem newton;
    private NewtonSystem relaxation;
    private int iterations;
    private String newtonFailure;

    SteadySolver(SteadyProblem problem, LawSet laws) {
        this.problem = problem;
        this.laws = laws;
        this.physical = problem.physicalDimension();
        this.initial = problem.initialState();
    }

    /** @return the steady state, or why there is none */
    Outcome solve() {
        newton = NewtonSystem.newton(problem, laws);
        double[] y0 = problem.initialState();
        if (newton != null) {
            double[] y = newton(y0, NEWTON_MAX_ITERATIONS);
            if (y != null) {
                return steady("newton", y, newtonRates);
            }
        }
        return continuation(y0);
    }

    /** @return the matrices the last solve used for Newton steps (null when none could impose the laws) */
    NewtonSystem newtonSystem() {
        return newton;
    }

    /** @param f the rates at y (as {@link SteadyProblem#rates} gives them) */
    private Outcome steady(String method, double[] y, double[] f) {
        return new Outcome(Status.STEADY, method, iterations, problem.residual(y, f), y, null);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The rates at the point {@link #newton} last returned. */
    private double[] newtonRates;

    /** @return the converged steady state (its rates in {@link #newtonRates}), or null (the reason in {@link #newtonFailure}) */
    private double[] newton(double[] start, int maxIterations) {
        double[] y = start.clone();
        laws.project(y);
        double[] f = problem.rates(y);
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it < maxIterations; it++) {
            if (!finite(f)) {
                newtonFailure = "a rate is not finite";
                return null;
            }
            newton.linearize(y, f);
            double[] alpha = laws.weights(newton.jacobianDiagonal());
            try {
                newton.factorNewton(alpha);
            } catch (SingularMatrixException e) {
                newtonFailure = "the Newton matrix is singular";
                return null;
            }
            double[] dy = correction(y, f, alpha);
            iterations++;
            double e = errorNorm(dy, y);
            if (!Double.isFinite(e)) {
                newtonFailure = "the Newton step is not finite";
                return null;
            }
            if (e <= STEP_TOLERANCE || (e <= STAGNATION_TOLERANCE && e >= 0.5 * previous)) {
                double[] y1 = step(y, dy, 1.0);
                if (isPhysical(y1) && runaway(y1) == null) {
                    double[] f1 = problem.rates(y1);
                    if (finite(f1) && problem.residual(y1, f1) <= RESIDUAL_TOLERANCE_PER_S) {
                        newtonRates = f1;
                        return y1;
                    }
                }
            }
            previous = e;
            double lambda = Math.min(1.0, fractionToBoundary(y, dy)[0]);
            double norm = scaledNorm(dy);
            while (true) {
                if (lambda < LAMBDA_MIN) {
                    newtonFailure = "the damped Newton step found no decrease";
                    return null;
                }
                double[] y1 = step(y, dy, lambda);
                if (isPhysical(y1) && runaway(y1) == null) {
                    double[] f1 = problem.rates(y1);
                    if (finite(f1)) {
                        double[] simplified = correction(y1, f1, alpha);
                        if (scaledNorm(simplified) <= (1 - lambda / 4) * norm) {
                            y = y1;
                            f = f1;
                            break;
                        }
                    }
                }
                lambda /= 2;
            }
        }
        newtonFailure = "no convergence in " + maxIterations + " iterations";
        return null;
    }

    /** @return the Newton correction at y: {@code W dy = f + S L^T D (c - L u)} with the current factorization */
    private double[] correction(double[] y, double[] f, double[] alpha) {
        double[] rhs = f.clone();
        laws.addToRightHandSide(alpha, y, rhs);
        newton.solve(rhs);
        java.util.Arrays.fill(rhs, physical, rhs.length, 0.0);
        return rhs;
    }

    // ---------------------------------------------------------------------------------------------------------

    private Outcome continuation(double[] start) {
        relaxation = NewtonSystem.blocks(problem, laws);
        double[] y = start.clone();
        laws.project(y);
        double[] f = problem.rates(y);
        if (!finite(f)) {
            return new Outcome(Status.NOT_CONVERGED, "ptc", iterations, Double.POSITIVE_INFINITY, y,
                    "the rate of change of the " + problem.describe(problem.worstRate(y, f)) + " is not finite at "
                            + "the initial state: a concentration that an ohmic channel, pump or transporter needs is "
                            + "probably zero");
        }
        double residual = problem.residual(y, f);
        double[] best = y.clone();
        double bestResidual = residual;
        relaxation.linearize(y, f);
        double fastest = 0;
        for (double d : relaxation.jacobianDiagonal()) {
            if (Double.isFinite(d)) {
                fastest = Math.max(fastest, Math.abs(d));
            }
        }
        double dt = fastest > 0 ? 1.0 / fastest : 1.0;
        double nextNewton = 100 * dt;
        double pseudoTime = 0;
        int boundaryIndex = -1;
        int boundaryCount = 0;
        boolean linearized = true;
        for (int attempt = 0; attempt < PTC_MAX_STEPS; attempt++) {
            if (!linearized) {
                relaxation.linearize(y, f);
                linearized = true;
            }
            try {
                relaxation.factorTransient(dt);
            } catch (SingularMatrixException e) {
                dt /= 4;
                continue;
            }
            double[] dy = f.clone();
            relaxation.solve(dy);
            java.util.Arrays.fill(dy, physical, dy.length, 0.0);
            iterations++;
            double[] boundary = fractionToBoundary(y, dy);
            double lambda = Math.min(1.0, boundary[0]);
            double[] y1 = step(y, dy, lambda);
            double[] f1 = isPhysical(y1) ? problem.rates(y1) : null;
            if (f1 == null || !finite(f1)) {
                dt /= 4;
                continue;
            }
            pseudoTime += dt;
            double residual1 = problem.residual(y1, f1);
            String away = runaway(y1);
            if (away != null) {
                return new Outcome(Status.NO_STEADY_STATE, "ptc", iterations, residual1, y1,
                        String.format(Locale.ROOT, away, String.format(Locale.ROOT, "%.3g", pseudoTime)));
            }
            if (lambda < 1) {
                int index = (int) boundary[1];
                boundaryCount = index == boundaryIndex ? boundaryCount + 1 : 1;
                boundaryIndex = index;
                if (boundaryCount >= BOUNDARY_STEPS && f1[index] < 0) {
                    return new Outcome(Status.NO_STEADY_STATE, "ptc", iterations, residual1, y1,
                            drivenNegative(y1, f1, index));
                }
                dt = Math.max(dt / 2, Double.MIN_NORMAL);
            } else {
                boundaryCount = 0;
                double growth = residual1 > 0 ? residual / residual1 : 10;
                dt = Math.min(DT_MAX_S, dt * Math.max(0.25, Math.min(10, growth)));
            }
            double e = errorNorm(dy, y);
            y = y1;
            f = f1;
            residual = residual1;
            linearized = false;
            if (residual < bestResidual) {
                bestResidual = residual;
                best = y.clone();
            }
            if (residual <= RESIDUAL_TOLERANCE_PER_S && lambda == 1 && e <= STEP_TOLERANCE && dt >= DT_MAX_S) {
                return steady("ptc", y, f);
            }
            if (newton != null && dt >= nextNewton) {
                nextNewton = 100 * dt;
                double[] solved = newton(y, NEWTON_ATTEMPT_ITERATIONS);
                if (solved != null) {
                    return steady("ptc+newton", solved, newtonRates);
                }
            }
        }
        int worst = problem.worstRate(best, problem.rates(best));
        return new Outcome(Status.NOT_CONVERGED, "ptc", iterations, bestResidual, best, String.format(Locale.ROOT,
                "no steady state found in %d pseudo-transient steps (%.3g s of relaxation)%s; the best point's "
                        + "residual is %.3g per second, largest for the %s", PTC_MAX_STEPS, pseudoTime,
                newtonFailure == null ? "" : "; Newton: " + newtonFailure, bestResidual, problem.describe(worst)));
    }

    private String drivenNegative(double[] y, double[] f, int i) {
        if (problem.kind(i) == SteadyProblem.Kind.AMOUNT) {
            double volume = problem.volume(y, problem.owner(i));
            return String.format(Locale.ROOT, "the %s would have to go negative: it has fallen to %.3g mM and still "
                    + "falls by %.3g mM/s (a constant pump or a transporter keeps removing it): there is no steady "
                    + "state", problem.describe(i), problem.concentration(y, i), -f[i] / volume);
        }
        return String.format(Locale.ROOT, "the %s shrinks toward zero and would have to go negative: there is no "
                + "steady state", problem.describe(i));
    }

    /**
     * @return a description of a quantity beyond any physical range in y (a format with one {@code %s} for the
     *     pseudo-time, s), or null
     */
    private String runaway(double[] y) {
        for (int i = 0; i < physical; i++) {
            // described only when it runs away: describing every variable costs more than the test
            switch (problem.kind(i)) {
                case VOLUME:
                    if (y[i] > VOLUME_GROWTH_LIMIT * initial[i]) {
                        return "the " + problem.describe(i) + " grows without bound: more than " + (long) VOLUME_GROWTH_LIMIT
                                + " times its initial volume after %s s of relaxation; water keeps flowing in and "
                                + "nothing holds the osmotic gradient, so there is no steady state";
                    }
                    if (y[i] < initial[i] / VOLUME_GROWTH_LIMIT) {
                        return "the " + problem.describe(i) + " shrinks toward zero: less than 1/" + (long) VOLUME_GROWTH_LIMIT
                                + " of its initial volume after %s s of relaxation; water keeps flowing out, so "
                                + "there is no steady state";
                    }
                    break;
                case AMOUNT:
                    if (problem.concentration(y, i) > MAX_CONCENTRATION_MOL_PER_M3) {
                        return "the concentration of the " + problem.describe(i) + " grows without bound: above 100 M after %s s "
                                + "of relaxation, so there is no steady state";
                    }
                    break;
                case POTENTIAL:
                    if (Math.abs(y[i]) > MAX_POTENTIAL_V) {
                        return "the " + problem.describe(i) + " runs away: beyond 10 V after %s s of relaxation, so there is no "
                                + "steady state";
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** @return y + lambda dy, projected onto the laws */
    private double[] step(double[] y, double[] dy, double lambda) {
        double[] y1 = y.clone();
        for (int i = 0; i < physical; i++) {
            y1[i] += lambda * dy[i];
        }
        laws.project(y1);
        return y1;
    }

    /** @return {largest lambda in (0, 1] keeping amounts and volumes above 10 % of their value, limiting index} */
    private double[] fractionToBoundary(double[] y, double[] dy) {
        double lambda = 1.0;
        int limiting = -1;
        for (int i = 0; i < physical; i++) {
            SteadyProblem.Kind k = problem.kind(i);
            if ((k == SteadyProblem.Kind.AMOUNT || k == SteadyProblem.Kind.VOLUME) && dy[i] < 0) {
                double l = 0.9 * Math.max(y[i], 0) / -dy[i];
                if (l < lambda) {
                    lambda = l;
                    limiting = i;
                }
            }
        }
        return new double[] {lambda, limiting};
    }

    private boolean isPhysical(double[] y) {
        for (int i = 0; i < physical; i++) {
            if (!Double.isFinite(y[i])) {
                return false;
            }
            SteadyProblem.Kind k = problem.kind(i);
            if (k == SteadyProblem.Kind.VOLUME && !(y[i] > 0) || k == SteadyProblem.Kind.AMOUNT && y[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean finite(double[] f) {
        for (int i = 0; i < physical; i++) {
            if (!Double.isFinite(f[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return max |dy_i| / (atol_i + rtol |y_i|): the correction in tolerance weights */
    private double errorNorm(double[] dy, double[] y) {
        double max = 0;
        for (int i = 0; i < physical; i++) {
            double e = Math.abs(dy[i]) / problem.weight(i, y);
            if (!(e <= max)) {
                max = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
            }
        }
        return max;
    }

    /** @return the root mean square of {@code dy_i / s_i}: the correction relative to typical sizes */
    private double scaledNorm(double[] dy) {
        double sum = 0;
        for (int i = 0; i < physical; i++) {
            double v = dy[i] / problem.scale(i);
            sum += v * v;
        }
        return physical == 0 ? 0 : Math.sqrt(sum / physical);
    }
}
