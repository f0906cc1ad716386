package org.ionflux.internal.steady;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        // local laws first, so that a wide law is orthogonalised against them and not the other way around (a stable
        // sort by size)
        List<ConservationLaws.Law> sorted = new ArrayList<>(laws);
        sorted.sort((a, b) -> Integer.compare(a.indices().length, b.indices().length));
        // the laws made so far that have each variable, in the order they were made
        int dimension = problem.dimension();
        int[][] lawsAt = new int[dimension][];
        int[] lawsAtCount = new int[dimension];
        int[] seen = new int[0];
        ScatteredLaw w = new ScatteredLaw(dimension);
        int[] overlapping = new int[8];
        for (int l = 0; l < sorted.size(); l++) {
            ConservationLaws.Law law = sorted.get(l);
            w.clear();
            for (int k = 0; k < law.indices().length; k++) {
                int i = law.indices()[k];
                // a law w.y in scaled variables: (w_i s_i) u_i
                w.put(i, law.coefficients()[k] * problem.scale(i));
            }
            if (seen.length < idx.size()) {
                int old = seen.length;
                seen = Arrays.copyOf(seen, Math.max(2 * old, idx.size() + 16));
                Arrays.fill(seen, old, seen.length, -1);
            }
            boolean kept = true;
            w.normalise();
            // modified Gram-Schmidt against the laws that share a variable with this one, twice
            for (int pass = 0; pass < 2 && kept; pass++) {
                int count = 0;
                for (int k = 0; k < w.size(); k++) {
                    int i = w.key(k);
                    for (int a = 0; a < lawsAtCount[i]; a++) {
                        int other = lawsAt[i][a];
                        if (seen[other] != 2 * l + pass) {
                            seen[other] = 2 * l + pass;
                            if (count == overlapping.length) {
                                overlapping = Arrays.copyOf(overlapping, 2 * count);
                            }
                            overlapping[count++] = other;
                        }
                    }
                }
                for (int o = 0; o < count; o++) {
                    int other = overlapping[o];
                    double dot = 0;
                    int[] oi = idx.get(other);
                    double[] ov = val.get(other);
                    for (int k = 0; k < oi.length; k++) {
                        dot += ov[k] * w.get(oi[k]);
                    }
                    for (int k = 0; k < oi.length; k++) {
                        w.merge(oi[k], -dot * ov[k]);
                    }
                }
                if (w.normalise() < 1e-8) {
                    kept = false;
                }
            }
            if (!kept) {
                continue;
            }
            int[] ii = w.sortedKeys();
            double[] vv = new double[ii.length];
            for (int k = 0; k < ii.length; k++) {
                vv[k] = w.get(ii[k]);
            }
            int id = idx.size();
            idx.add(ii);
            val.add(vv);
            for (int i : ii) {
                if (lawsAt[i] == null) {
                    lawsAt[i] = new int[2];
                } else if (lawsAtCount[i] == lawsAt[i].length) {
                    lawsAt[i] = Arrays.copyOf(lawsAt[i], 2 * lawsAtCount[i]);
                }
                lawsAt[i][lawsAtCount[i]++] = id;
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

    /**
     * One law being orthogonalised: its coefficients scattered over the state (a dense array, cleared entry by entry,
     * so a law costs its own size) and its variables in the order they were first set, which fixes the order of its
     * norms and of its Gram-Schmidt subtractions.
     */
    static final class ScatteredLaw {
        private final double[] value;
        private final boolean[] present;
        private int[] keys = new int[16];
        private int size;

        ScatteredLaw(int dimension) {
            value = new double[dimension];
            present = new boolean[dimension];
        }

        void clear() {
            for (int k = 0; k < size; k++) {
                value[keys[k]] = 0.0;
                present[keys[k]] = false;
            }
            size = 0;
        }

        private void add(int i) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
            }
            keys[size++] = i;
            present[i] = true;
        }

        /** Sets the coefficient of variable i. */
        void put(int i, double v) {
            if (!present[i]) {
                add(i);
            }
            value[i] = v;
        }

        /** Adds {@code v} to the coefficient of variable i. */
        void merge(int i, double v) {
            if (!present[i]) {
                add(i);
                value[i] = v;
            } else {
                value[i] += v;
            }
        }

        /** @return the coefficient of variable i, 0 where the law has none */
        double get(int i) {
            return value[i];
        }

        /** @return the number of variables set */
        int size() {
            return size;
        }

        /** @return the k-th variable set */
        int key(int k) {
            return keys[k];
        }

        /** Divides by the Euclidean norm (if not 0). @return the norm before */
        double normalise() {
            double norm = 0;
            for (int k = 0; k < size; k++) {
                double v = value[keys[k]];
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int k = 0; k < size; k++) {
                    value[keys[k]] /= norm;
                }
            }
            return norm;
        }

        /** @return the variables set, ascending */
        int[] sortedKeys() {
            int[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            return sorted;
        }
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
