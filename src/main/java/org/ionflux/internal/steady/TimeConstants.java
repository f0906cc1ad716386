package org.ionflux.internal.steady;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ionflux.internal.solver.BlockTreeLinearization;

/**
 * How fast a steady state is approached: the eigenvalues {@code lambda} of the Jacobian at the steady state, restricted
 * to the subspace that keeps the conservation laws ({@code J} maps it into itself, since {@code L J = 0}; the laws'
 * own zero modes are left out), each as a time constant {@code tau = -1 / Re(lambda)} with the trace columns that
 * dominate its eigenvector (the components largest relative to their typical size) and, for a complex pair, its
 * period {@code 2 pi / |Im(lambda)|}.
 *
 * <p>Up to {@link #DENSE_LIMIT} variables left after the laws, all of them: the restricted matrix
 * {@code Q^T J_u Q} (scaled variables, Q an orthonormal basis of the laws' null space) goes to Commons Math's
 * {@link EigenDecomposition} (the real Schur form by Francis QR steps, as in EISPACK's hqr2). Above that, the slowest
 * {@link #KRYLOV_MODES}: Arnoldi on the shift-inverted operator {@code (sigma I - J)^-1} (Saad, <i>Numerical Methods
 * for Large Eigenvalue Problems</i>, 2nd ed., SIAM 2011, chapter 6), applied by the stiff solver's block-tree
 * factorization ({@link BlockTreeLinearization}, linear in the number of compartments), with every Krylov vector
 * projected onto the laws' null space; its small Hessenberg matrix goes to the same {@link EigenDecomposition}. The
 * slowest modes are the operator's largest eigenvalues {@code 1 / (sigma - lambda)}, which Krylov spaces find
 * first; {@code sigma} is a tiny positive shift (1e-9 of the fastest rate) that keeps the matrix regular. The space
 * stops growing before {@link #KRYLOV_DIMENSION} when the {@link #KRYLOV_MODES} slowest converged Ritz values are
 * the same at two successive checks ({@link #KRYLOV_CHECK}); only the reported modes get their Ritz vectors.</p>
 */
final class TimeConstants {

    /** Largest number of variables (after the laws) for which every mode is computed densely. */
    static final int DENSE_LIMIT = 400;
    /** Modes reported above {@link #DENSE_LIMIT}. */
    static final int KRYLOV_MODES = 10;
    /** Dimension of the Krylov space. */
    static final int KRYLOV_DIMENSION = 60;
    /**
     * Every this many Krylov vectors (from twice it on) the Ritz values are computed; the iteration stops when the
     * {@link #KRYLOV_MODES} slowest converged ones are those of the previous check (to {@link #SAME_EIGENVALUE}).
     */
    static final int KRYLOV_CHECK = 5;
    /** A Ritz pair has converged when its residual is at most this fraction of its Ritz value. */
    static final double RITZ_TOLERANCE = 1e-8;
    /** A second Gram-Schmidt pass is made when the first leaves less than this fraction of the vector's norm. */
    static final double REORTHOGONALIZE = 0.7071067811865476;
    /** A component dominates a mode when it is at least this fraction of the largest. */
    static final double DOMINANT_FRACTION = 0.3;
    /** Most dominant columns listed per mode. */
    static final int MAX_DOMINANT = 5;

    /**
     * One mode of relaxation.
     *
     * @param realPerS  Re(lambda), 1/s
     * @param imagPerS  |Im(lambda)|, 1/s (0 for a real mode)
     * @param dominant  the trace columns that dominate its eigenvector, largest first
     * @param multiplicity how many eigenvalues equal this one to 1e-6 (identical cells share their modes); 0 when
     *                  unknown (the Krylov method finds one mode per distinct eigenvalue)
     */
    record Mode(double realPerS, double imagPerS, List<String> dominant, int multiplicity) {
        /** @return {@code -1 / Re(lambda)}, s (negative for a growing mode, infinite for Re = 0) */
        double tauS() {
            return -1.0 / realPerS;
        }

        /** @return {@code 2 pi / |Im(lambda)|}, s, or NaN for a real mode */
        double periodS() {
            return imagPerS > 0 ? 2 * Math.PI / imagPerS : Double.NaN;
        }
    }

    private TimeConstants() {
    }

    /** @return the modes at the steady state y, slowest first */
    static List<Mode> of(SteadyProblem problem, LawSet laws, double[] y) {
        return of(problem, laws, y, true);
    }

    /**
     * @param stopEarly whether the Krylov space stops growing once the wanted Ritz values repeat
     *                  ({@link #KRYLOV_CHECK}); false builds all {@link #KRYLOV_DIMENSION} vectors (for the test
     *                  that compares the two)
     */
    static List<Mode> of(SteadyProblem problem, LawSet laws, double[] y, boolean stopEarly) {
        int n = problem.physicalDimension();
        if (n - laws.size() <= 0) {
            return List.of();
        }
        boolean dense = n - laws.size() <= DENSE_LIMIT;
        List<Mode> modes = dense ? dense(problem, laws, y) : krylov(problem, laws, y, stopEarly);
        List<Mode> sorted = new ArrayList<>(modes);
        sorted.sort(Comparator.comparingDouble(m -> Math.abs(m.realPerS())));
        // equal eigenvalues (identical compartments) are one entry, with their count when it is known
        List<Mode> merged = new ArrayList<>();
        for (Mode m : sorted) {
            Mode last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Math.hypot(m.realPerS() - last.realPerS(), m.imagPerS() - last.imagPerS())
                    <= SAME_EIGENVALUE * Math.hypot(last.realPerS(), last.imagPerS())) {
                merged.set(merged.size() - 1, new Mode(last.realPerS(), last.imagPerS(), last.dominant(),
                        dense ? last.multiplicity() + m.multiplicity() : 0));
            } else {
                merged.add(m);
            }
        }
        return dense ? merged : merged.subList(0, Math.min(KRYLOV_MODES, merged.size()));
    }

    /** Eigenvalues closer than this (relative) are one. */
    static final double SAME_EIGENVALUE = 1e-6;
    /** An imaginary part below this fraction of the real part is rounding: the mode is real. */
    static final double REAL_IMAGINARY = 1e-8;

    private static List<Mode> dense(SteadyProblem problem, LawSet laws, double[] y) {
        int n = problem.physicalDimension();
        double[][] j = new double[n][n];
        problem.system().computeJacobian(y, (row, col, value) -> {
            if (row < n && col < n) {
                // scaled: J_u = S^-1 J S
                j[row][col] += value * problem.scale(col) / problem.scale(row);
            }
        });
        int k = laws.size();
        double[][] l = new double[k][n];
        for (int law = 0; law < k; law++) {
            int[] idx = laws.indices(law);
            double[] val = laws.values(law);
            for (int a = 0; a < idx.length; a++) {
                l[law][idx[a]] = val[a];
            }
        }
        double[][] q = SmallDense.nullSpace(l, n);
        int r = q[0].length;
        double[][] jq = SmallDense.multiply(j, q, n, n, r);
        double[][] reduced = SmallDense.multiplyTransposed(q, jq, n, r, r);
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(reduced, false));
        RealMatrix v = eigen.getV();
        List<Mode> modes = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            double re = eigen.getRealEigenvalue(i);
            double im = eigen.getImagEigenvalue(i);
            if (im < 0) {
                continue;
            }
            // a complex pair lambda = re + i im has the eigenvector V_i + i V_(i+1) (real Schur form of JAMA)
            double[] magnitude = new double[n];
            for (int row = 0; row < n; row++) {
                double a = 0;
                double b = 0;
                for (int c = 0; c < r; c++) {
                    a += q[row][c] * v.getEntry(c, i);
                    if (im > 0) {
                        b += q[row][c] * v.getEntry(c, i + 1);
                    }
                }
                magnitude[row] = Math.sqrt(a * a + b * b);
            }
            modes.add(new Mode(re, Math.abs(im) <= REAL_IMAGINARY * Math.abs(re) ? 0 : im,
                    dominant(problem, magnitude), 1));
        }
        return modes;
    }

    private static List<Mode> krylov(SteadyProblem problem, LawSet laws, double[] y, boolean stopEarly) {
        int n = problem.physicalDimension();
        BlockTreeLinearization tree = new BlockTreeLinearization(problem.system());
        double[] f = problem.rates(y);
        tree.computeJacobian(problem.atS(), y, f);
        double fastest = 0;
        for (int i = 0; i < n; i++) {
            double value = tree.diagonalEntry(i);
            if (Double.isFinite(value)) {
                fastest = Math.max(fastest, Math.abs(value));
            }
        }
        double sigma = 1e-9 * Math.max(fastest, 1e-12);
        tree.factor(sigma);
        int m = Math.min(KRYLOV_DIMENSION, n - laws.size());
        double[][] basis = new double[m + 1][];
        double[][] h = new double[m + 1][m];
        double[] v = new double[n];
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        laws.projectScaled(v);
        scale(v, 1 / norm(v));
        basis[0] = v;
        int size = m;
        // h[size][size - 1] when the iteration stops with the space still growing; 0 at a breakdown (invariant)
        double last = 0;
        double[][] previousWanted = null;
        double[] work = new double[problem.dimension()];
        for (int k = 0; k < m; k++) {
            // w = S^-1 (sigma I - J)^-1 S v, projected onto the laws' null space
            java.util.Arrays.fill(work, 0.0);
            for (int i = 0; i < n; i++) {
                work[i] = basis[k][i] * problem.scale(i);
            }
            tree.solve(work);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = work[i] / problem.scale(i);
            }
            laws.projectScaled(w);
            // modified Gram-Schmidt, repeated when it cancelled most of w (Daniel, Gragg, Kaufman and Stewart 1976,
            // as in ARPACK): a second pass restores orthogonality only when the first lost it
            double beta = norm(w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= k; i++) {
                    double[] vi = basis[i];
                    double d = dot(vi, w);
                    h[i][k] += d;
                    for (int c = 0; c < n; c++) {
                        w[c] -= d * vi[c];
                    }
                }
                double after = norm(w);
                if (after > REORTHOGONALIZE * beta) {
                    beta = after;
                    break;
                }
                beta = after;
            }
            h[k + 1][k] = beta;
            if (!(beta > 1e-14 * Math.abs(h[k][k]))) {
                size = k + 1;
                break;
            }
            scale(w, 1 / beta);
            basis[k + 1] = w;
            if (stopEarly && k + 1 < m && (k + 1) % KRYLOV_CHECK == 0 && k + 1 >= 2 * KRYLOV_CHECK) {
                // the wanted converged Ritz values are those of the previous check: a longer space finds the same
                List<double[]> all = new ArrayList<>();
                ritz(h, k + 1, beta, all);
                double[][] wanted = wanted(all);
                if (sameWanted(wanted, previousWanted)) {
                    size = k + 1;
                    last = beta;
                    break;
                }
                previousWanted = wanted;
            }
        }
        if (size == m && m > 0) {
            last = h[m][m - 1];
        }
        List<double[]> all = new ArrayList<>();
        double[][] zData = ritz(h, size, last, all);
        List<double[]> found = new ArrayList<>();
        for (double[] t : all) {
            if (t[3] > 0) {
                found.add(t);
            }
        }
        found.sort(Comparator.comparingDouble((double[] t) -> -Math.hypot(t[0], t[1])));
        double[][] lambdas = new double[found.size()][];
        for (int k = 0; k < found.size(); k++) {
            double re = found.get(k)[0];
            double im = found.get(k)[1];
            // theta = 1 / (sigma - lambda): lambda = sigma - conj(theta) / |theta|^2
            double t2 = re * re + im * im;
            double lambdaRe = sigma - re / t2;
            double lambdaIm = Math.abs(im / t2);
            lambdas[k] = new double[] {lambdaRe, lambdaIm <= REAL_IMAGINARY * Math.abs(lambdaRe) ? 0 : lambdaIm};
        }
        boolean[] reported = reported(lambdas);
        List<Mode> modes = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            if (!reported[k]) {
                // merged into, or beyond, the reported modes (see of): its eigenvector is never shown
                modes.add(new Mode(lambdas[k][0], lambdas[k][1], List.of(), 0));
                continue;
            }
            double im = found.get(k)[1];
            int i = (int) found.get(k)[2];
            // the Ritz vector V z (real and imaginary parts), basis vector by basis vector: O(size n)
            double[] a = new double[n];
            double[] b = new double[n];
            for (int c = 0; c < size; c++) {
                double re1 = zData[c][i];
                double im1 = im > 0 ? zData[c][i + 1] : 0;
                double[] vc = basis[c];
                for (int row = 0; row < n; row++) {
                    a[row] += vc[row] * re1;
                    b[row] += vc[row] * im1;
                }
            }
            double[] magnitude = new double[n];
            for (int row = 0; row < n; row++) {
                magnitude[row] = Math.sqrt(a[row] * a[row] + b[row] * b[row]);
            }
            modes.add(new Mode(lambdas[k][0], lambdas[k][1], dominant(problem, magnitude), 0));
        }
        return modes;
    }

    /**
     * The Ritz values of the Krylov space of dimension {@code size}: each {re, im, column of its vector in the
     * returned matrix, 1 if converged (residual {@code |last| |z_size|} at most {@link #RITZ_TOLERANCE} of it) else 0}
     * is added to {@code out} (one per complex pair, im > 0).
     *
     * @return the eigenvectors of the Hessenberg matrix, as columns (a complex pair's in two)
     */
    private static double[][] ritz(double[][] h, int size, double last, List<double[]> out) {
        double[][] small = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(h[i], 0, small[i], 0, size);
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(small, false));
        RealMatrix z = eigen.getV();
        for (int i = 0; i < size; i++) {
            double re = eigen.getRealEigenvalue(i);
            double im = eigen.getImagEigenvalue(i);
            if (im < 0) {
                continue;
            }
            double a = z.getEntry(size - 1, i);
            double b = im > 0 ? z.getEntry(size - 1, i + 1) : 0;
            double vecNorm = 0;
            for (int c = 0; c < size; c++) {
                double zb = im > 0 ? z.getEntry(c, i + 1) : 0;
                vecNorm += z.getEntry(c, i) * z.getEntry(c, i) + zb * zb;
            }
            double ritzResidual = Math.abs(last) * Math.sqrt(a * a + b * b) / Math.sqrt(vecNorm);
            double theta = Math.hypot(re, im);
            boolean converged = theta > 0 && ritzResidual <= RITZ_TOLERANCE * theta;
            out.add(new double[] {re, im, i, converged ? 1 : 0});
        }
        return z.getData();
    }

    /**
     * @return the {@link #KRYLOV_MODES} largest converged Ritz values {re, im} (the slowest modes; equal ones to
     *     {@link #SAME_EIGENVALUE} counted once), largest first, or null if fewer have converged
     */
    static double[][] wanted(List<double[]> ritz) {
        List<double[]> sorted = new ArrayList<>();
        for (double[] t : ritz) {
            if (t[3] > 0) {
                sorted.add(t);
            }
        }
        sorted.sort(Comparator.comparingDouble((double[] t) -> -Math.hypot(t[0], t[1])));
        List<double[]> out = new ArrayList<>();
        for (double[] t : sorted) {
            double[] previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous == null || Math.hypot(t[0] - previous[0], t[1] - previous[1])
                    > SAME_EIGENVALUE * Math.hypot(previous[0], previous[1])) {
                out.add(new double[] {t[0], t[1]});
                if (out.size() == KRYLOV_MODES) {
                    return out.toArray(new double[0][]);
                }
            }
        }
        return null;
    }

    /** @return true if both are non-null and equal, value by value, to {@link #SAME_EIGENVALUE} */
    static boolean sameWanted(double[][] a, double[][] b) {
        if (a == null || b == null) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (Math.hypot(a[k][0] - b[k][0], a[k][1] - b[k][1]) > SAME_EIGENVALUE * Math.hypot(b[k][0], b[k][1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return which of the eigenvalues {re, im} (in the order {@link #of} receives them) {@link #of} reports: the
     *     first of each run of equal ones after its stable sort by |re|, among the {@link #KRYLOV_MODES} slowest.
     *     Only those need their eigenvector (the Ritz vectors cost O(n) each).
     */
    static boolean[] reported(double[][] lambdas) {
        Integer[] order = new Integer[lambdas.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(k -> Math.abs(lambdas[k][0])));
        boolean[] reported = new boolean[lambdas.length];
        int groups = 0;
        int last = -1;
        for (int k : order) {
            if (last >= 0 && Math.hypot(lambdas[k][0] - lambdas[last][0], lambdas[k][1] - lambdas[last][1])
                    <= SAME_EIGENVALUE * Math.hypot(lambdas[last][0], lambdas[last][1])) {
                continue;
            }
            if (groups == KRYLOV_MODES) {
                break;
            }
            reported[k] = true;
            last = k;
            groups++;
        }
        return reported;
    }

    /** @return the columns of the largest components (relative to their typical size), largest first */
    private static List<String> dominant(SteadyProblem problem, double[] magnitude) {
        double max = 0;
        for (double m : magnitude) {
            max = Math.max(max, m);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < magnitude.length; i++) {
            if (magnitude[i] >= DOMINANT_FRACTION * max && max > 0 && problem.column(i) != null) {
                idx.add(i);
            }
        }
        idx.sort(Comparator.comparingDouble(i -> -magnitude[i]));
        List<String> names = new ArrayList<>();
        for (int i : idx) {
            if (names.size() < MAX_DOMINANT && !names.contains(problem.column(i))) {
                names.add(problem.column(i));
            }
        }
        return names;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
