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
        this(problem, laws, false);
    }

    /**
     * @param withHashMaps whether every law is orthogonalised with a {@code HashMap} (the result is the same, bit for
     *                     bit; true is for the test that shows it)
     */
    LawSet(SteadyProblem problem, List<ConservationLaws.Law> laws, boolean withHashMaps) {
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
        Arrays.fill(seen, -1);
        OrderedLaw w = new OrderedLaw();
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
            if (!withHashMaps) {
                w.normalise();
            }
            for (int pass = 0; pass < 2 && kept && !w.treeified() && !withHashMaps; pass++) {
                int count = 0;
                int[] order = w.order();
                for (int i : order) {
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
            int[] ii;
            double[] vv;
            if (w.treeified() || withHashMaps) {
                // a hash map whose bins grew into trees iterates in another order: made as it always was
                Map<Integer, Double> map = orthogonalise(law, idx, val, lawsAt, lawsAtCount);
                if (map.isEmpty()) {
                    continue;
                }
                ii = map.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
                vv = new double[ii.length];
                for (int k = 0; k < ii.length; k++) {
                    vv[k] = map.get(ii[k]);
                }
            } else {
                if (!kept) {
                    continue;
                }
                ii = w.sortedKeys();
                vv = new double[ii.length];
                for (int k = 0; k < ii.length; k++) {
                    vv[k] = w.get(ii[k]);
                }
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
     * One law being orthogonalised, as the {@code HashMap<Integer, Double>} it was written with: entries made by
     * {@link #put} and {@link #merge} (none removed) into the bins of a table as that map (Java 17, default capacity)
     * makes them, and iterated ({@link #order}) as it iterates them, so that the law's norms and the order of its
     * Gram-Schmidt subtractions are what they always were. The table has 16 bins at the first entry; the bin of a key
     * k is {@code (k ^ k >>> 16) & (capacity - 1)}; {@code put} appends to its bin and doubles the table after it when
     * the map holds more than 3/4 of its capacity; {@code merge} doubles it before when the map already does, and
     * puts a new key first in its bin; a bin that grows past 8 ({@code put}) or 7 ({@code merge}) entries doubles a
     * table smaller than 64 and becomes a tree in a larger one, which iterates otherwise: the law is then made with a
     * {@code HashMap} ({@link #treeified}). A doubling splits each bin in two, keeping the order of its entries.
     */
    static final class OrderedLaw {
        private int[] keys = new int[16];
        private double[] values = new double[16];
        /** Next entry in the same bin, or -1. */
        private int[] next = new int[16];
        private int size;
        private int capacity;
        private int threshold;
        /** First entry of each bin, or -1. */
        private int[] head = new int[16];
        private int[] tail = new int[16];
        private boolean treeified;

        void clear() {
            size = 0;
            capacity = 0;
            threshold = 0;
            treeified = false;
        }

        /** @return true if the map would have made a tree of a bin (its order is then not followed) */
        boolean treeified() {
            return treeified;
        }

        private static int bin(int key, int capacity) {
            return (key ^ key >>> 16) & (capacity - 1);
        }

        /** @return the entry of key, or -1 */
        private int find(int key) {
            if (capacity == 0) {
                return -1;
            }
            for (int e = head[bin(key, capacity)]; e >= 0; e = next[e]) {
                if (keys[e] == key) {
                    return e;
                }
            }
            return -1;
        }

        /** @return the value of key, or 0 */
        double get(int key) {
            int e = find(key);
            return e >= 0 ? values[e] : 0.0;
        }

        private int newEntry(int key, double v) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
                next = Arrays.copyOf(next, 2 * size);
            }
            keys[size] = key;
            values[size] = v;
            next[size] = -1;
            return size++;
        }

        /** {@code map.put(key, v)} for a key not yet in the map ({@code HashMap.putVal}). */
        void put(int key, double v) {
            if (capacity == 0) {
                resize();
            }
            int b = bin(key, capacity);
            int e = newEntry(key, v);
            int before = 0;
            if (head[b] < 0) {
                head[b] = e;
            } else {
                int last = head[b];
                before = 1;
                while (next[last] >= 0) {
                    last = next[last];
                    before++;
                }
                next[last] = e;
            }
            if (before >= 8) {
                treeifyBin();
            }
            if (size > threshold) {
                resize();
            }
        }

        /** {@code map.merge(key, v, Double::sum)}. */
        void merge(int key, double v) {
            if (size > threshold || capacity == 0) {
                resize();
            }
            int b = bin(key, capacity);
            int before = 0;
            for (int e = head[b]; e >= 0; e = next[e]) {
                if (keys[e] == key) {
                    values[e] = values[e] + v;
                    return;
                }
                before++;
            }
            int e = newEntry(key, v);
            next[e] = head[b];
            head[b] = e;
            if (before >= 7) {
                treeifyBin();
            }
        }

        /** {@code HashMap.treeifyBin}: a table smaller than 64 doubles; a larger one makes a tree of the bin. */
        private void treeifyBin() {
            if (capacity < 64) {
                resize();
            } else {
                treeified = true;
            }
        }

        /** {@code HashMap.resize}: 16 bins at first, then twice as many, each bin split in order. */
        private void resize() {
            int old = capacity;
            if (old == 0) {
                capacity = 16;
                threshold = 12;
            } else {
                capacity = 2 * old;
                threshold = 2 * threshold;
            }
            int[] oldHead = head;
            head = new int[Math.max(capacity, 16)];
            tail = new int[head.length];
            Arrays.fill(head, -1);
            for (int b = 0; b < old; b++) {
                for (int e = oldHead[b]; e >= 0; ) {
                    int following = next[e];
                    next[e] = -1;
                    int nb = bin(keys[e], capacity);
                    if (head[nb] < 0) {
                        head[nb] = e;
                    } else {
                        next[tail[nb]] = e;
                    }
                    tail[nb] = e;
                    e = following;
                }
            }
        }

        /** @return the keys in the hash map's iteration order */
        int[] order() {
            int[] out = new int[size];
            int n = 0;
            for (int b = 0; b < capacity; b++) {
                for (int e = head[b]; e >= 0; e = next[e]) {
                    out[n++] = keys[e];
                }
            }
            return out;
        }

        /**
         * Divides every value by the norm, summed in the map's order ({@code normalise} on the map).
         *
         * @return the norm
         */
        double normalise() {
            double norm = 0;
            for (int b = 0; b < capacity; b++) {
                for (int e = head[b]; e >= 0; e = next[e]) {
                    norm += values[e] * values[e];
                }
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int e = 0; e < size; e++) {
                    values[e] = values[e] / norm;
                }
            }
            return norm;
        }

        /** @return the keys, ascending */
        int[] sortedKeys() {
            int[] out = Arrays.copyOf(keys, size);
            Arrays.sort(out);
            return out;
        }
    }

    /**
     * The orthogonalisation of one law with a {@code HashMap}, for a law too large for {@link OrderedLaw} to follow
     * the map's order.
     *
     * @return the law in scaled variables, empty if it was dependent on those before it
     */
    private Map<Integer, Double> orthogonalise(ConservationLaws.Law law, List<int[]> idx, List<double[]> val,
                                               int[][] lawsAt, int[] lawsAtCount) {
        Map<Integer, Double> w = new HashMap<>();
        for (int k = 0; k < law.indices().length; k++) {
            int i = law.indices()[k];
            w.put(i, law.coefficients()[k] * problem.scale(i));
        }
        normalise(w);
        for (int pass = 0; pass < 2; pass++) {
            List<Integer> overlapping = new ArrayList<>();
            for (int i : new ArrayList<>(w.keySet())) {
                for (int a = 0; a < lawsAtCount[i]; a++) {
                    int other = lawsAt[i][a];
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
        return w;
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
