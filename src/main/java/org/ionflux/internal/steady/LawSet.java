package org.ionflux.internal.steady;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical conservation laws as the solver imposes them: rows {@code l_k} of a matrix {@code L_u},
 * orthonormal in scaled variables {@code u_i = y_i / s_i} (modified Gram-Schmidt, twice, over laws that share a
 * variable; laws of different compartments stay apart, so a law local to one compartment stays local), and their
 * values {@code c_k = l_k . u0} at the initial state. The steady state must satisfy {@code L_u u = c}.
 */
final class LawSet {

    private final SteadyProblem problem;
    private final int[][] index;
    private final double[][] value;
    private final double[] target;

    /** Orthonormalises the physical laws of {@code laws} and takes their values at the initial state. */
    LawSet(SteadyProblem problem, List<ConservationLaws.Law> laws) {
        this.problem = problem;
        List<int[]> idx = new ArrayList<>();
        List<double[]> val = new ArrayList<>();
        // local laws first, so that a wide law is orthogonalised against them and not the other way around
        List<ConservationLaws.Law> sorted = new ArrayList<>(laws);
        sorted.sort((a, b) -> Integer.compare(a.indices().length, b.indices().length));
        Map<Integer, List<Integer>> lawsAt = new HashMap<>();
        for (ConservationLaws.Law law : sorted) {
            Map<Integer, Double> w = new HashMap<>();
            for (int k = 0; k < law.indices().length; k++) {
                int i = law.indices()[k];
                // a law w.y in scaled variables: (w_i s_i) u_i
                w.put(i, law.coefficients()[k] * problem.scale(i));
            }
            normalise(w);
            for (int pass = 0; pass < 2; pass++) {
                List<Integer> overlapping = new ArrayList<>();
                for (int i : new ArrayList<>(w.keySet())) {
                    for (int other : lawsAt.getOrDefault(i, List.of())) {
                        if (!overlapping.contains(other)) {
                            overlapping.add(other);
                        }
                    }
                }
                for (int other : overlapping) {
                    double dot = 0;
                    int[] oi = idx.get(other);
                    double[] ov = val.get(other);
                    for (int k = 0; k < oi.length; k++) {
                        dot += ov[k] * w.getOrDefault(oi[k], 0.0);
                    }
                    for (int k = 0; k < oi.length; k++) {
                        w.merge(oi[k], -dot * ov[k], Double::sum);
                    }
                }
                if (normalise(w) < 1e-8) {
                    w.clear();
                    break;
                }
            }
            if (w.isEmpty()) {
                continue;
            }
            int[] ii = w.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] vv = new double[ii.length];
            for (int k = 0; k < ii.length; k++) {
                vv[k] = w.get(ii[k]);
            }
            int id = idx.size();
            idx.add(ii);
            val.add(vv);
            for (int i : ii) {
                lawsAt.computeIfAbsent(i, x -> new ArrayList<>()).add(id);
            }
        }
        index = idx.toArray(new int[0][]);
        value = val.toArray(new double[0][]);
        target = new double[index.length];
        double[] y0 = problem.initialState();
        for (int k = 0; k < index.length; k++) {
            target[k] = dot(k, y0);
        }
    }

    private static double normalise(Map<Integer, Double> w) {
        double norm = 0;
        for (double v : w.values()) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            double n = norm;
            w.replaceAll((k, v) -> v / n);
        }
        return norm;
    }

    /** @return the number of laws */
    int size() {
        return index.length;
    }

    /** @return the state indices of law k */
    int[] indices(int k) {
        return index[k];
    }

    /** @return law k's coefficients in scaled variables (unit norm) */
    double[] values(int k) {
        return value[k];
    }

    /** @return {@code l_k . u} for the state y */
    double dot(int k, double[] y) {
        double sum = 0;
        for (int j = 0; j < index[k].length; j++) {
            sum += value[k][j] * y[index[k][j]] / problem.scale(index[k][j]);
        }
        return sum;
    }

    /** @return {@code c_k - l_k . u}: how far y is from law k, in scaled variables */
    double defect(int k, double[] y) {
        return target[k] - dot(k, y);
    }

    /**
     * Moves y onto the laws along their normals ({@code u += L_u^T (c - L_u u)}, exact since the rows are
     * orthonormal): rounding drift of the invariants is removed.
     */
    void project(double[] y) {
        for (int k = 0; k < index.length; k++) {
            double d = defect(k, y);
            for (int j = 0; j < index[k].length; j++) {
                int i = index[k][j];
                y[i] += d * value[k][j] * problem.scale(i);
            }
        }
    }

    /** Removes from the scaled vector v its components along the laws: {@code v -= L_u^T L_u v}. */
    void projectScaled(double[] v) {
        for (int k = 0; k < index.length; k++) {
            double d = 0;
            for (int j = 0; j < index[k].length; j++) {
                d += value[k][j] * v[index[k][j]];
            }
            for (int j = 0; j < index[k].length; j++) {
                v[index[k][j]] -= d * value[k][j];
            }
        }
    }

    /**
     * The weight of law k in the Newton matrix: the largest {@code |J_ii|} over its variables, or the largest of
     * all when those are 0, or 1/s (any positive value keeps the matrix regular; one of the size of J keeps its
     * condition number that of J on the invariant subspace).
     *
     * @param diagonal {@code J_ii} of the physical variables, 1/s
     */
    double[] weights(double[] diagonal) {
        double all = 0;
        for (double d : diagonal) {
            if (Double.isFinite(d)) {
                all = Math.max(all, Math.abs(d));
            }
        }
        double[] alpha = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            double a = 0;
            for (int i : index[k]) {
                if (Double.isFinite(diagonal[i])) {
                    a = Math.max(a, Math.abs(diagonal[i]));
                }
            }
            alpha[k] = a > 0 ? a : all > 0 ? all : 1.0;
        }
        return alpha;
    }

    /** Receives entries of the Newton matrix. */
    interface Entries {
        void add(int row, int col, double value);
    }

    /**
     * Adds {@code -alpha_k S l_k l_k^T S^-1} to a matrix holding J, for every law: {@code A = J - S L_u^T D L_u S^-1}
     * in state units (see {@link NewtonSystem} for why A is regular).
     */
    void addToMatrix(double[] alpha, Entries out) {
        for (int k = 0; k < index.length; k++) {
            int[] ii = index[k];
            double[] vv = value[k];
            for (int a = 0; a < ii.length; a++) {
                for (int b = 0; b < ii.length; b++) {
                    out.add(ii[a], ii[b], -alpha[k] * problem.scale(ii[a]) * vv[a] * vv[b] / problem.scale(ii[b]));
                }
            }
        }
    }

    /** Adds {@code alpha_k S l_k (c_k - l_k . u)} to rhs: the Newton step then lands on the laws. */
    void addToRightHandSide(double[] alpha, double[] y, double[] rhs) {
        for (int k = 0; k < index.length; k++) {
            double d = alpha[k] * defect(k, y);
            for (int j = 0; j < index[k].length; j++) {
                int i = index[k][j];
                rhs[i] += d * value[k][j] * problem.scale(i);
            }
        }
    }

    /** @return true if every law's variables lie in one block of the tree, or in a block and its parent */
    boolean fitsBlocks(org.ionflux.internal.solver.BlockTreeLinearization blocks) {
        for (int[] ii : index) {
            for (int a : ii) {
                for (int b : ii) {
                    if (!blocks.fits(a, b)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LawSet[");
        for (int k = 0; k < index.length; k++) {
            sb.append(Arrays.toString(index[k])).append(Arrays.toString(value[k])).append(' ');
        }
        return sb.append(']').toString();
    }
}
