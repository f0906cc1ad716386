package org.ionflux.internal.steady;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.StateLayout;

/**
 * The conserved quantities of a model, found numerically as the left null space of its stoichiometry {@code N}
 * ({@code dy/dt = N r(y)}, {@link org.ionflux.internal.solver.IonFluxSystem#stoichiometry()}): every {@code w} with
 * {@code w^T N = 0} makes {@code w^T y} constant in time, whatever the rates.
 *
 * <p><b>Along the compartment forest, in linear time.</b> A rate (a channel, pump or transporter of one membrane, its
 * water flow, a gate) changes the variables of at most two compartments, the two its membrane joins, and that
 * membrane's potential and gates. Group the rows of N into nodes: a node per non-clamped compartment (its amounts,
 * volume and external-charge accumulator, plus the potential and gates of the membrane to its parent), and one
 * node for all clamped compartments together (the accumulators of what moved into them). Rooted there, the
 * membranes make the nodes a forest, and each column of N touches one node or a node and its parent. A law then
 * splits into pieces per node that meet only across parent edges, and the null space is found bottom-up like the
 * stiff solver's block elimination (Hines 1984): at node b, the laws of its subtree are parametrised by their piece
 * on b; each child's edge columns either leave a law wholly inside the child's subtree (complete: it is reported
 * from there) or tie the child's parameters to b's piece ({@code a_c = X_c beta_b}), or restrict b's piece. Each
 * step is a small dense SVD ({@link SmallDense}, rank tolerance {@link SmallDense#RANK_TOLERANCE}) in equilibrated
 * variables (every row of N in moles of particles or of charge, {@link #equilibrate}; then each column
 * normalised). Top-down, the X maps rebuild every
 * law as a sparse vector. Laws found at the same node are brought to reduced row echelon form (pivots preferring
 * the bookkeeping accumulators, then amounts, volumes, potentials), so that each reads simply ("K - Cl amount in
 * cell") and the laws free of bookkeeping, the physical ones, span all the laws of the physical variables.</p>
 *
 * <p>If a group of non-clamped compartments touches clamped ones through membranes on two different compartments,
 * merging all clamped compartments into one node makes a cycle; the transfer accumulators are then left out and
 * their laws (totals moved into the baths) are not reported ({@link #transferLawsOmitted()}); the physical laws are
 * always complete.</p>
 */
final class ConservationLaws {

    /** An entry of a law smaller than this fraction of its largest (equilibrated variables) is rounding: dropped. */
    static final double DROP_TOLERANCE = 1e-10;

    /**
     * One conserved quantity: {@code sum_i coefficient_i y_i}, constant in time.
     *
     * @param indices      state indices of its nonzero coefficients
     * @param coefficients coefficients in state units (the pivot's is 1)
     * @param physical     true if it involves no bookkeeping accumulator
     * @param value        its value at the initial state, in {@code unit}
     * @param unit         {@code mol}, {@code m^3}, {@code V} or {@code C}: the unit of its pivot variable
     * @param problem      the problem it is a law of (for its description)
     */
    record Law(int[] indices, double[] coefficients, boolean physical, double value, String unit,
               SteadyProblem problem) {
        /**
         * @return in words, e.g. "K + Cl amount in cell and bath" ({@link LawText}); made on each call, only when
         *     shown (the solve does not need it)
         */
        String description() {
            return LawText.describe(problem, indices, coefficients);
        }
    }

    private final SteadyProblem problem;
    private final int dimension;
    /** Row i of N is divided by this in the elimination ({@link #equilibrate}): a law w in state units is w_i * rowScale_i there. */
    private double[] rowScale;
    private final List<Law> laws = new ArrayList<>();
    private boolean transferLawsOmitted;

    // the forest of nodes
    private int nodeCount;
    private int[] nodeOf;
    private int[] parent;
    private List<List<Integer>> children;
    private List<List<Integer>> rows;
    private int[] position;
    /** Nodes, children before parents. */
    private int[] order;

    // the elimination's results
    private double[][][] basis;
    private List<List<double[][]>> childMaps;
    private List<int[]> seedNode = new ArrayList<>();
    private List<double[]> seedVector = new ArrayList<>();

    private ConservationLaws(SteadyProblem problem) {
        this.problem = problem;
        this.dimension = problem.dimension();
    }

    /** @return the conserved quantities of {@code problem}'s stoichiometry, each with its initial value */
    static ConservationLaws of(SteadyProblem problem) {
        return of(problem, true);
    }

    /**
     * @param reuse whether a decomposition of a matrix equal to one already decomposed is taken from there (the
     *              result is the same either way; false is for the test that shows it)
     */
    static ConservationLaws of(SteadyProblem problem, boolean reuse) {
        ConservationLaws c = new ConservationLaws(problem);
        c.reuse = reuse;
        c.buildForest();
        List<double[][]> columns = problem.system().stoichiometry();
        c.eliminate(columns);
        c.reconstructAndReduce(columns);
        return c;
    }

    /** @return every law found: the physical ones and those of the bookkeeping accumulators */
    List<Law> all() {
        return List.copyOf(laws);
    }

    /** @return the laws of the physical variables (no bookkeeping accumulator in them) */
    List<Law> physical() {
        List<Law> physical = new ArrayList<>();
        for (Law law : laws) {
            if (law.physical()) {
                physical.add(law);
            }
        }
        return physical;
    }

    /** @return true if the laws of the transfer accumulators could not be found (see the class comment) */
    boolean transferLawsOmitted() {
        return transferLawsOmitted;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the forest

    private void buildForest() {
        Model model = problem.model();
        StateLayout layout = problem.layout();
        int compartments = model.compartments().size();
        boolean[] clamped = new boolean[compartments];
        for (int c = 0; c < compartments; c++) {
            clamped[c] = model.compartments().get(c).clamped();
        }
        // physical components: non-clamped compartments joined by membranes between two of them
        int[] component = new int[compartments];
        Arrays.fill(component, -1);
        List<List<int[]>> neighbours = new ArrayList<>();
        for (int c = 0; c < compartments; c++) {
            neighbours.add(new ArrayList<>());
        }
        List<Membrane> membranes = model.membranes();
        for (int m = 0; m < membranes.size(); m++) {
            int in = membranes.get(m).insideIndex();
            int out = membranes.get(m).outsideIndex();
            if (!clamped[in] && !clamped[out]) {
                neighbours.get(in).add(new int[] {out, m});
                neighbours.get(out).add(new int[] {in, m});
            }
        }
        int components = 0;
        for (int c = 0; c < compartments; c++) {
            if (clamped[c] || component[c] >= 0) {
                continue;
            }
            Deque<Integer> queue = new ArrayDeque<>(List.of(c));
            component[c] = components;
            while (!queue.isEmpty()) {
                int at = queue.poll();
                for (int[] e : neighbours.get(at)) {
                    if (component[e[0]] < 0) {
                        component[e[0]] = components;
                        queue.add(e[0]);
                    }
                }
            }
            components++;
        }
        // where each component touches the clamped compartments
        int[] boundaryAt = new int[components];
        Arrays.fill(boundaryAt, -1);
        boolean merge = false;
        for (int s = 0; s < model.species().size(); s++) {
            merge |= layout.transferIndex(s) >= 0;
        }
        for (Membrane mem : membranes) {
            boolean inClamped = clamped[mem.insideIndex()];
            boolean outClamped = clamped[mem.outsideIndex()];
            if (inClamped == outClamped) {
                continue;
            }
            int c = inClamped ? mem.outsideIndex() : mem.insideIndex();
            int k = component[c];
            if (boundaryAt[k] >= 0 && boundaryAt[k] != c) {
                merge = false;
                transferLawsOmitted = true;
            }
            boundaryAt[k] = c;
        }
        // nodes: one per non-clamped compartment, then the clamped ones together (if their accumulators are kept)
        int[] nodeOfCompartment = new int[compartments];
        Arrays.fill(nodeOfCompartment, -1);
        nodeCount = 0;
        for (int c = 0; c < compartments; c++) {
            if (!clamped[c]) {
                nodeOfCompartment[c] = nodeCount++;
            }
        }
        int bathNode = merge ? nodeCount++ : -1;
        parent = new int[nodeCount];
        Arrays.fill(parent, -1);
        int[] parentMembrane = new int[compartments];
        Arrays.fill(parentMembrane, -1);
        List<Integer> bfs = new ArrayList<>();
        boolean[] seen = new boolean[compartments];
        for (int k = 0; k < components; k++) {
            int root = -1;
            if (boundaryAt[k] >= 0 && merge) {
                root = boundaryAt[k];
            } else {
                // a closed group is rooted at its largest compartment (a finite bath): the laws local to the cells
                // then read as theirs
                for (int c = 0; c < compartments; c++) {
                    if (component[c] == k && (root < 0 || model.compartments().get(c).volumeM3()
                            > model.compartments().get(root).volumeM3())) {
                        root = c;
                    }
                }
            }
            if (merge && boundaryAt[k] >= 0) {
                parent[nodeOfCompartment[root]] = bathNode;
            }
            Deque<Integer> queue = new ArrayDeque<>(List.of(root));
            seen[root] = true;
            while (!queue.isEmpty()) {
                int at = queue.poll();
                bfs.add(at);
                for (int[] e : neighbours.get(at)) {
                    if (!seen[e[0]]) {
                        seen[e[0]] = true;
                        parent[nodeOfCompartment[e[0]]] = nodeOfCompartment[at];
                        parentMembrane[e[0]] = e[1];
                        queue.add(e[0]);
                    }
                }
            }
        }
        children = new ArrayList<>();
        rows = new ArrayList<>();
        for (int b = 0; b < nodeCount; b++) {
            children.add(new ArrayList<>());
            rows.add(new ArrayList<>());
        }
        order = new int[nodeCount];
        int next = 0;
        for (int i = bfs.size() - 1; i >= 0; i--) {
            order[next++] = nodeOfCompartment[bfs.get(i)];
        }
        if (bathNode >= 0) {
            order[next++] = bathNode;
        }
        for (int b : order) {
            if (parent[b] >= 0) {
                children.get(parent[b]).add(b);
            }
        }
        // rows of each node: a compartment's amounts, volume and external charge; a membrane's potential and gates
        // go to the node of its child side (the non-clamped side of a boundary membrane)
        int[] membraneNode = new int[membranes.size()];
        for (int m = 0; m < membranes.size(); m++) {
            int in = membranes.get(m).insideIndex();
            int out = membranes.get(m).outsideIndex();
            if (clamped[in] || clamped[out]) {
                membraneNode[m] = nodeOfCompartment[clamped[in] ? out : in];
            } else {
                membraneNode[m] = parentMembrane[in] == m ? nodeOfCompartment[in] : nodeOfCompartment[out];
            }
        }
        nodeOf = new int[dimension];
        position = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            int b;
            switch (problem.kind(i)) {
                case AMOUNT:
                case VOLUME:
                case EXTERNAL_CHARGE:
                    b = nodeOfCompartment[problem.owner(i)];
                    break;
                case POTENTIAL:
                case GATE:
                    b = membraneNode[problem.owner(i)];
                    break;
                default:
                    b = bathNode;
                    break;
            }
            nodeOf[i] = b;
            if (b >= 0) {
                position[i] = rows.get(b).size();
                rows.get(b).add(i);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // bottom-up elimination

    private void eliminate(List<double[][]> columns) {
        equilibrate(columns);
        List<List<double[]>> local = new ArrayList<>();
        List<List<double[]>> edgeChild = new ArrayList<>();
        List<List<double[]>> edgeParent = new ArrayList<>();
        for (int b = 0; b < nodeCount; b++) {
            local.add(new ArrayList<>());
            edgeChild.add(new ArrayList<>());
            edgeParent.add(new ArrayList<>());
        }
        for (double[][] col : columns) {
            int[] idx = new int[col[0].length];
            double[] val = new double[idx.length];
            double norm = 0;
            int a = -1;
            int b = -1;
            for (int k = 0; k < idx.length; k++) {
                idx[k] = (int) col[0][k];
                int node = nodeOf[idx[k]];
                if (node < 0) {
                    continue;
                }
                val[k] = col[1][k] / rowScale[idx[k]];
                norm += val[k] * val[k];
                if (a < 0 || a == node) {
                    a = node;
                } else if (b < 0 || b == node) {
                    b = node;
                } else {
                    throw new IllegalStateException("a rate touches three compartments");
                }
            }
            if (a < 0 || norm == 0) {
                continue;
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < val.length; k++) {
                val[k] /= norm;
            }
            if (b < 0) {
                local.get(a).add(dense(idx, val, a));
                continue;
            }
            int child = parent[a] == b ? a : parent[b] == a ? b : -1;
            if (child < 0) {
                throw new IllegalStateException("a rate joins two compartments that are not parent and child");
            }
            int par = parent[child];
            edgeChild.get(child).add(dense(idx, val, child));
            edgeParent.get(child).add(dense(idx, val, par));
        }
        basis = new double[nodeCount][][];
        childMaps = new ArrayList<>();
        for (int b = 0; b < nodeCount; b++) {
            childMaps.add(new ArrayList<>());
        }
        for (int b : order) {
            int n = rows.get(b).size();
            List<double[]> loc = local.get(b);
            double[][] q = memo(LEFT_NULL_SPACE, asColumns(loc, n), n, loc.size());
            int qCols = n == 0 ? 0 : q[0].length;
            List<double[][]> maps = childMaps.get(b);
            List<Integer> mapChild = new ArrayList<>();
            for (int c : children.get(b)) {
                double[][] bc = basis[c];
                int nc = rows.get(c).size();
                int kc = nc == 0 ? 0 : bc[0].length;
                int e = edgeChild.get(c).size();
                if (e == 0) {
                    // nothing joins the child's subtree to b: its laws are complete there
                    for (int j = 0; j < kc; j++) {
                        addSeed(c, unit(kc, j));
                    }
                    maps.add(new double[kc][qCols]);
                    mapChild.add(c);
                    continue;
                }
                // M = N_{c,E}^T B_c, G = N_{b,E}^T Q
                double[][] m = SmallDense.multiplyTransposed(asColumns(edgeChild.get(c), nc), bc, nc, e, kc);
                double[][] g = SmallDense.multiplyTransposed(asColumns(edgeParent.get(c), n), q, n, e, qCols);
                // laws wholly inside the child's subtree
                if (kc > 0) {
                    double[][] inside = memo(NULL_SPACE, m, m.length, kc);
                    int d = inside.length == 0 ? 0 : inside[0].length;
                    for (int j = 0; j < d; j++) {
                        double[] z = new double[kc];
                        for (int i = 0; i < kc; i++) {
                            z[i] = inside[i][j];
                        }
                        addSeed(c, z);
                    }
                }
                // b's piece must make G beta lie in the range of M
                double[][] u0 = kc == 0 ? SmallDense.identity(e) : memo(LEFT_NULL_SPACE, m, e, kc);
                int u0Cols = u0.length == 0 ? 0 : u0[0].length;
                double[][] constraint = SmallDense.multiplyTransposed(u0, g, e, u0Cols, qCols);
                double[][] r;
                int rCols;
                if (isZero(constraint)) {
                    // the usual case (a compartment's laws do not restrict its parent's): b's piece is unchanged
                    r = null;
                    rCols = qCols;
                } else {
                    r = memo(NULL_SPACE, constraint, constraint.length, qCols);
                    rCols = qCols == 0 ? 0 : r[0].length;
                    for (int k = 0; k < maps.size(); k++) {
                        double[][] old = maps.get(k);
                        maps.set(k, SmallDense.multiply(old, r, old.length, qCols, rCols));
                    }
                }
                double[][] gr = r == null ? g : SmallDense.multiply(g, r, e, qCols, rCols);
                double[][] x = SmallDense.multiply(memo(PSEUDO_INVERSE, m, e, kc), gr, kc, e, rCols);
                for (double[] row : x) {
                    for (int j = 0; j < rCols; j++) {
                        row[j] = -row[j];
                    }
                }
                maps.add(x);
                mapChild.add(c);
                if (r != null) {
                    q = SmallDense.multiply(q, r, n, qCols, rCols);
                    qCols = rCols;
                }
            }
            basis[b] = n == 0 ? new double[0][0] : q;
            childOrder.put(b, mapChild);
            if (parent[b] < 0) {
                for (int j = 0; j < qCols; j++) {
                    addSeed(b, unit(qCols, j));
                }
            }
        }
    }

    private final Map<Integer, List<Integer>> childOrder = new HashMap<>();

    private static final int NULL_SPACE = 0;
    private static final int LEFT_NULL_SPACE = 1;
    private static final int PSEUDO_INVERSE = 2;

    /** A decomposition's input: the operation, the dimensions and the entries (compared exactly, bit for bit). */
    private record MatrixKey(int op, int rows, int cols, double[][] a, int hash) {
        MatrixKey(int op, int rows, int cols, double[][] a) {
            this(op, rows, cols, a, ((op * 31 + rows) * 31 + cols) * 31 + Arrays.deepHashCode(a));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MatrixKey k && k.hash == hash && k.op == op && k.rows == rows && k.cols == cols
                    && Arrays.deepEquals(k.a, a);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Decompositions already computed in this elimination, by their exact input. Compartments built alike (the
     * cells of a tissue, identical but for their concentrations: the stoichiometry does not depend on the state)
     * give bit-for-bit equal matrices; each is decomposed once, and the result is the same as computing it again.
     */
    private final Map<MatrixKey, double[][]> decompositions = new HashMap<>();
    private boolean reuse = true;

    /**
     * @return {@link SmallDense#nullSpace}, {@link SmallDense#leftNullSpace} or {@link SmallDense#pseudoInverse} of a
     *     (shared with every equal matrix's: never changed in place)
     */
    private double[][] memo(int op, double[][] a, int rows, int cols) {
        java.util.function.Function<MatrixKey, double[][]> compute = k -> switch (op) {
            case NULL_SPACE -> cols == 0 ? new double[0][0]
                    : rows == 0 ? SmallDense.identity(cols) : SmallDense.nullSpace(svd(a, rows, cols), cols);
            case LEFT_NULL_SPACE -> rows == 0 ? new double[0][0] : cols == 0 ? SmallDense.identity(rows)
                    : SmallDense.nullSpace(svd(SmallDense.transpose(a, rows, cols), cols, rows), rows);
            default -> rows == 0 || cols == 0 ? new double[cols][rows]
                    : SmallDense.pseudoInverse(svd(a, rows, cols), rows, cols);
        };
        MatrixKey key = new MatrixKey(op, rows, cols, a);
        return reuse ? decompositions.computeIfAbsent(key, compute) : compute.apply(key);
    }

    private static final int SVD = 3;

    /** Singular value decompositions made in this elimination, by the taller of the matrix and its transpose. */
    private final Map<MatrixKey, SmallDense.Svd> svds = new HashMap<>();

    /**
     * @return the singular value decomposition of the {@code rows x cols} matrix a (neither dimension 0), as
     *     {@link SmallDense#svd} makes it; a matrix and its transpose, when not square, share one ({@link
     *     SmallDense.Svd#transposed}): the null space, left null space and pseudo-inverse of an edge's matrix then
     *     take one decomposition instead of three, with the same bits
     */
    private SmallDense.Svd svd(double[][] a, int rows, int cols) {
        if (!reuse) {
            return SmallDense.svd(a);
        }
        boolean tall = rows >= cols;
        double[][] t = tall ? a : SmallDense.transpose(a, rows, cols);
        SmallDense.Svd d = svds.computeIfAbsent(new MatrixKey(SVD, tall ? rows : cols, tall ? cols : rows, t),
                k -> SmallDense.svd(t));
        return tall ? d : d.transposed();
    }

    /**
     * Puts every row of N in moles, of particles or of elementary charge: amounts and transfers as they are (mol),
     * a membrane's potential times {@code C_m A / F} (the charge on its capacitor, mol), a compartment's external
     * charge divided by F (mol), volumes (m^3) and gates as they are. A channel's flux then changes the amounts on
     * both sides by 1 and its membrane's capacitive charge by z, whatever the sizes of the compartments; a pump,
     * a transporter and a leak likewise change everything they touch by numbers of order 1 per cycle; and a law
     * has coefficients of order 1 (1 per mol in a mass balance, z and -1 in a charge balance). Sets
     * {@link #rowScale} (row i is divided by it).
     */
    private void equilibrate(List<double[][]> columns) {
        Model model = problem.model();
        rowScale = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            switch (problem.kind(i)) {
                case POTENTIAL:
                    Membrane mem = model.membranes().get(problem.owner(i));
                    rowScale[i] = org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL
                            / (mem.capacitanceFPerM2() * mem.areaM2());
                    break;
                case EXTERNAL_CHARGE:
                    rowScale[i] = org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL;
                    break;
                default:
                    rowScale[i] = 1.0;
                    break;
            }
        }
    }

    /**
     * Drops a law that N does not annihilate to 1e-8 of its terms in some column (a safety net: a law that is not
     * one would make the steady state wrong, while a missing one only makes Newton's matrix singular, which the
     * pseudo-transient continuation survives).
     */
    private void verify(List<double[][]> columns, List<SparseVector> reduced, List<Integer> pivots) {
        // the columns touching each variable, as a compressed list (column numbers in column order)
        int[] start = new int[dimension + 1];
        for (double[][] col : columns) {
            for (double i : col[0]) {
                start[(int) i + 1]++;
            }
        }
        for (int i = 0; i < dimension; i++) {
            start[i + 1] += start[i];
        }
        int[] touching = new int[start[dimension]];
        int[] fill = Arrays.copyOf(start, dimension);
        for (int j = 0; j < columns.size(); j++) {
            for (double i : columns.get(j)[0]) {
                touching[fill[(int) i]++] = j;
            }
        }
        // each column is checked once per law (whichever of its variables reaches it first: the sums do not depend
        // on that)
        int[] checked = new int[columns.size()];
        Arrays.fill(checked, -1);
        // the law being checked, spread over the state (entry i present when holder[i] is r)
        double[] spread = new double[dimension];
        int[] holder = new int[dimension];
        Arrays.fill(holder, -1);
        for (int r = reduced.size() - 1; r >= 0; r--) {
            SparseVector w = reduced.get(r);
            for (int s = 0; s < w.slots(); s++) {
                int i = w.key(s);
                if (i >= 0) {
                    spread[i] = w.value(s);
                    holder[i] = r;
                }
            }
            boolean holds = true;
            for (int s = 0; s < w.slots() && holds; s++) {
                int i = w.key(s);
                if (i < 0) {
                    continue;
                }
                for (int t = start[i]; t < start[i + 1]; t++) {
                    int j = touching[t];
                    if (checked[j] == r) {
                        continue;
                    }
                    checked[j] = r;
                    double[][] col = columns.get(j);
                    double sum = 0;
                    double size = 0;
                    for (int k = 0; k < col[0].length; k++) {
                        int at = (int) col[0][k];
                        if (holder[at] == r) {
                            double c = spread[at];
                            sum += c * col[1][k];
                            size += Math.abs(c * col[1][k]);
                        }
                    }
                    if (Math.abs(sum) > 1e-8 * size) {
                        holds = false;
                        break;
                    }
                }
            }
            if (!holds) {
                reduced.remove(r);
                pivots.remove(r);
            }
        }
    }

    /** @return true if every entry is at most the rank tolerance (entries are of order 1, see SmallDense) */
    private static boolean isZero(double[][] a) {
        for (double[] row : a) {
            for (double v : row) {
                if (Math.abs(v) > SmallDense.RANK_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    private void addSeed(int node, double[] beta) {
        seedNode.add(new int[] {node});
        seedVector.add(beta);
    }

    private static double[] unit(int n, int j) {
        double[] v = new double[n];
        v[j] = 1;
        return v;
    }

    /** The part of a scaled column on node b's rows, as a dense vector in b's row positions. */
    private double[] dense(int[] idx, double[] val, int b) {
        double[] v = new double[rows.get(b).size()];
        for (int k = 0; k < idx.length; k++) {
            if (nodeOf[idx[k]] == b) {
                v[position[idx[k]]] += val[k];
            }
        }
        return v;
    }

    /** @return the vectors as the columns of an n x size matrix */
    private static double[][] asColumns(List<double[]> vectors, int n) {
        double[][] a = new double[n][vectors.size()];
        for (int j = 0; j < vectors.size(); j++) {
            double[] v = vectors.get(j);
            for (int i = 0; i < n; i++) {
                a[i][j] = v[i];
            }
        }
        return a;
    }

    // ---------------------------------------------------------------------------------------------------------
    // top-down reconstruction, then a readable basis

    private void reconstructAndReduce(List<double[][]> columns) {
        // the laws seeded at each node, nodes in the order they first seeded one
        List<Integer> groupNodes = new ArrayList<>();
        List<List<SparseVector>> groupLaws = new ArrayList<>();
        int[] groupOf = new int[nodeCount];
        Arrays.fill(groupOf, -1);
        for (int s = 0; s < seedVector.size(); s++) {
            int node = seedNode.get(s)[0];
            SparseVector w = reconstruct(node, seedVector.get(s));
            if (!w.isEmpty()) {
                if (groupOf[node] < 0) {
                    groupOf[node] = groupNodes.size();
                    groupNodes.add(node);
                    groupLaws.add(new ArrayList<>());
                }
                groupLaws.get(groupOf[node]).add(w);
            }
        }
        List<SparseVector> reduced = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (List<SparseVector> group : groupLaws) {
            reduce(group, reduced, pivots);
        }
        simplifyBookkeeping(reduced, pivots);
        sparsify(reduced, pivots);
        reduced.forEach(this::snap);
        verify(columns, reduced, pivots);
        double[] y0 = problem.initialState();
        for (int r = 0; r < reduced.size(); r++) {
            SparseVector w = reduced.get(r);
            int[] indices = w.sortedKeys();
            double[] coefficients = new double[indices.length];
            boolean physical = true;
            double value = 0;
            for (int k = 0; k < indices.length; k++) {
                coefficients[k] = w.get(indices[k]);
                value += coefficients[k] * y0[indices[k]];
                physical &= indices[k] < problem.physicalDimension();
            }
            laws.add(new Law(indices, coefficients, physical, value, unit(pivots.get(r)), problem));
        }
    }

    /**
     * A law of a bookkeeping accumulator is defined up to adding other laws; the reduced form of its node may mix
     * them in ("K + 0.92 Cl ... + 0.92 C A V / F"). Each physical law is subtracted so as to clear its own potential
     * (or its pivot when it has none) from the bookkeeping laws; then the bookkeeping laws clear each other's
     * potentials. A mass balance then reads "K amount in cell and moved into clamped compartments", and the charge
     * that a leak moves between two compartments stands apart from their charge balances. Each is finally scaled so
     * that its first amount (or, without amounts, its first variable) has the coefficient 1. (Every step works entry
     * by entry: the order in which a law's entries are visited does not change a bit of the result.)
     */
    private void simplifyBookkeeping(List<SparseVector> reduced, List<Integer> pivots) {
        List<SparseVector> physicalLaws = new ArrayList<>();
        List<Integer> physicalVariable = new ArrayList<>();
        List<SparseVector> bookkeeping = new ArrayList<>();
        boolean[] isBookkeeping = new boolean[reduced.size()];
        for (int r = 0; r < reduced.size(); r++) {
            SparseVector w = reduced.get(r);
            if (!allPhysical(w)) {
                bookkeeping.add(w);
                isBookkeeping[r] = true;
                continue;
            }
            physicalLaws.add(w);
            physicalVariable.add(firstPotential(w, pivots.get(r)));
        }
        if (bookkeeping.isEmpty()) {
            return;
        }
        // each bookkeeping law (a mass balance over every compartment) spread over the state while the physical
        // laws are subtracted from it: entry i present when mark[i] is the law's stamp
        double[] spread = new double[dimension];
        int[] mark = new int[dimension];
        int[] added = new int[16];
        for (int a = 0; a < bookkeeping.size(); a++) {
            SparseVector w = bookkeeping.get(a);
            int present = 2 * a + 1;
            int gathered = 2 * a + 2;
            for (int s = 0; s < w.slots(); s++) {
                int i = w.key(s);
                if (i >= 0) {
                    spread[i] = w.value(s);
                    mark[i] = present;
                }
            }
            int addedCount = 0;
            for (int k = 0; k < physicalLaws.size(); k++) {
                // eliminate(w, p, v), entry by entry as there
                int v = physicalVariable.get(k);
                double c = mark[v] == present ? spread[v] : 0.0;
                if (c == 0) {
                    continue;
                }
                SparseVector p = physicalLaws.get(k);
                double factor = c / p.get(v);
                for (int s = 0; s < p.slots(); s++) {
                    int i = p.key(s);
                    if (i < 0) {
                        continue;
                    }
                    if (mark[i] == present) {
                        spread[i] = spread[i] + -factor * p.value(s);
                    } else {
                        spread[i] = -factor * p.value(s);
                        mark[i] = present;
                        if (addedCount == added.length) {
                            added = Arrays.copyOf(added, 2 * addedCount);
                        }
                        added[addedCount++] = i;
                    }
                }
                mark[v] = 0;
            }
            // back into w: the entries it had that remain, then those added
            int[] keys = new int[w.size()];
            int n = 0;
            for (int s = 0; s < w.slots(); s++) {
                if (w.key(s) >= 0) {
                    keys[n++] = w.key(s);
                }
            }
            w.clear();
            for (int t = 0; t < n + addedCount; t++) {
                int i = t < n ? keys[t] : added[t - n];
                if (mark[i] == present) {
                    w.append(i, spread[i]);
                    mark[i] = gathered;
                }
            }
        }
        for (int a = 0; a < bookkeeping.size(); a++) {
            SparseVector w = bookkeeping.get(a);
            int v = firstPotential(w, -1);
            if (v < 0) {
                continue;
            }
            for (int b = 0; b < bookkeeping.size(); b++) {
                if (b != a) {
                    eliminate(bookkeeping.get(b), w, v);
                }
            }
        }
        for (int r = 0; r < reduced.size(); r++) {
            SparseVector w = reduced.get(r);
            if (!isBookkeeping[r]) {
                continue;
            }
            // what the eliminations left of cleared variables is rounding
            clean(w);
            int first = -1;
            for (int s = 0; s < w.slots(); s++) {
                int i = w.key(s);
                if (i >= 0 && (problem.kind(i) == SteadyProblem.Kind.AMOUNT
                        || problem.kind(i) == SteadyProblem.Kind.TRANSFER) && (first < 0 || i < first)) {
                    first = i;
                }
            }
            if (first < 0) {
                first = w.minKey();
                if (first < 0) {
                    throw new java.util.NoSuchElementException("a bookkeeping law vanished");
                }
            }
            scale(w, w.get(first));
            pivots.set(r, first);
        }
    }

    /** Divides every entry of w by norm. */
    private static void scale(SparseVector w, double norm) {
        for (int s = 0; s < w.slots(); s++) {
            if (w.key(s) >= 0) {
                w.setValue(s, w.value(s) / norm);
            }
        }
    }

    /** Rounds of {@link #sparsify}. */
    static final int SPARSIFY_ROUNDS = 4;

    /**
     * Makes the physical laws that span several compartments read simply: found at their common root, such a law
     * mixes in the laws of its descendants ("K amount in cell; 0.5 K + 0.5 Cl amount in bath"). Adding a multiple of
     * another law that shares a variable keeps the span and the independence; it is done when it removes more
     * variables than it brings in, or as many but fewer species ("K amount in cell and bath"). Each changed law is
     * scaled so that its first amount (or first variable) has the coefficient 1.
     *
     * <p>Among candidates that simplify equally, the first in a hash map's order of the partner's variables is
     * taken: the laws are held here as the {@code HashMap}s they were written for, filled in the order
     * {@link #reduce} made their entries, so that the choice is what it always was. Nothing is done (and no map is
     * made) when no physical law spans several nodes.</p>
     */
    private void sparsify(List<SparseVector> laws, List<Integer> pivots) {
        List<Integer> physicalIndex = new ArrayList<>();
        List<Integer> wide = new ArrayList<>();
        for (int r = 0; r < laws.size(); r++) {
            SparseVector w = laws.get(r);
            if (allPhysical(w)) {
                physicalIndex.add(r);
                if (spansNodes(w)) {
                    wide.add(r);
                }
            }
        }
        if (wide.isEmpty()) {
            return;
        }
        Map<Integer, Map<Integer, Double>> reduced = new HashMap<>();
        for (int r : physicalIndex) {
            // physical laws are as reduce() left them: entries in the order it put them, none removed
            SparseVector w = laws.get(r);
            Map<Integer, Double> map = new HashMap<>();
            for (int s = 0; s < w.slots(); s++) {
                if (w.key(s) >= 0) {
                    map.put(w.key(s), w.value(s));
                }
            }
            reduced.put(r, map);
        }
        Map<Integer, List<Integer>> lawsAt = new HashMap<>();
        for (int r : physicalIndex) {
            for (int i : reduced.get(r).keySet()) {
                lawsAt.computeIfAbsent(i, x -> new ArrayList<>()).add(r);
            }
        }
        for (int round = 0; round < SPARSIFY_ROUNDS; round++) {
            boolean changed = false;
            // a law of one compartment reads best as it is; laws spanning several are simplified
            for (int r : wide) {
                Map<Integer, Double> w = reduced.get(r);
                java.util.Set<Integer> partners = new java.util.TreeSet<>();
                for (int i : w.keySet()) {
                    partners.addAll(lawsAt.getOrDefault(i, List.of()));
                }
                partners.remove(r);
                for (int other : partners) {
                    Map<Integer, Double> p = reduced.get(other);
                    Map<Integer, Double> best = null;
                    int[] bestScore = score(w);
                    for (int v : p.keySet()) {
                        Double c = w.get(v);
                        if (c == null) {
                            continue;
                        }
                        Map<Integer, Double> candidate = new HashMap<>(w);
                        double factor = c / p.get(v);
                        p.forEach((i, x) -> candidate.merge(i, -factor * x, Double::sum));
                        candidate.remove(v);
                        clean(candidate);
                        int[] sc = score(candidate);
                        if (!candidate.isEmpty() && compare(sc, bestScore) < 0) {
                            best = candidate;
                            bestScore = sc;
                        }
                    }
                    if (best != null) {
                        for (int i : w.keySet()) {
                            lawsAt.get(i).remove(Integer.valueOf(r));
                        }
                        w.clear();
                        w.putAll(best);
                        for (int i : w.keySet()) {
                            lawsAt.computeIfAbsent(i, x -> new ArrayList<>()).add(r);
                        }
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int r : wide) {
            Map<Integer, Double> w = reduced.get(r);
            int first = w.keySet().stream().filter(i -> problem.kind(i) == SteadyProblem.Kind.AMOUNT)
                    .min(Integer::compare).orElse(w.keySet().stream().min(Integer::compare).orElseThrow());
            double norm = w.get(first);
            w.replaceAll((i, c) -> c / norm);
            pivots.set(r, first);
            SparseVector out = new SparseVector(w.size());
            w.forEach(out::append);
            laws.set(r, out);
        }
    }

    /** @return {variables, species among the amounts}: smaller reads more simply */
    private int[] score(Map<Integer, Double> w) {
        java.util.Set<Integer> species = new java.util.HashSet<>();
        for (int i : w.keySet()) {
            if (problem.kind(i) == SteadyProblem.Kind.AMOUNT) {
                species.add(problem.species(i));
            }
        }
        return new int[] {w.size(), species.size()};
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    /** Drops entries that are rounding relative to the law's largest (in equilibrated variables). */
    private void clean(Map<Integer, Double> w) {
        double max = 0;
        for (Map.Entry<Integer, Double> e : w.entrySet()) {
            max = Math.max(max, Math.abs(e.getValue() * rowScale[e.getKey()]));
        }
        double cut = DROP_TOLERANCE * max;
        w.entrySet().removeIf(e -> Math.abs(e.getValue() * rowScale[e.getKey()]) <= cut);
    }

    /** Drops entries that are rounding relative to the law's largest (in equilibrated variables). */
    private void clean(SparseVector w) {
        double max = 0;
        for (int s = 0; s < w.slots(); s++) {
            if (w.key(s) >= 0) {
                max = Math.max(max, Math.abs(w.value(s) * rowScale[w.key(s)]));
            }
        }
        double cut = DROP_TOLERANCE * max;
        for (int s = 0; s < w.slots(); s++) {
            if (w.key(s) >= 0 && Math.abs(w.value(s) * rowScale[w.key(s)]) <= cut) {
                w.removeSlot(s);
            }
        }
    }

    /** @return true if w has no bookkeeping accumulator */
    private boolean allPhysical(SparseVector w) {
        for (int s = 0; s < w.slots(); s++) {
            if (w.key(s) >= problem.physicalDimension()) {
                return false;
            }
        }
        return true;
    }

    /** @return true if w's variables lie in more than one node */
    private boolean spansNodes(SparseVector w) {
        int node = Integer.MIN_VALUE;
        for (int s = 0; s < w.slots(); s++) {
            int i = w.key(s);
            if (i < 0) {
                continue;
            }
            if (node != Integer.MIN_VALUE && nodeOf[i] != node) {
                return true;
            }
            node = nodeOf[i];
        }
        return false;
    }

    /** @return the first potential among w's variables, or {@code fallback} */
    private int firstPotential(SparseVector w, int fallback) {
        int first = -1;
        for (int s = 0; s < w.slots(); s++) {
            int i = w.key(s);
            if (i >= 0 && problem.kind(i) == SteadyProblem.Kind.POTENTIAL && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first >= 0 ? first : fallback;
    }

    /** Subtracts the multiple of p that clears variable v from w (identity objects: w is changed in place). */
    private static void eliminate(SparseVector w, SparseVector p, int v) {
        if (w == p) {
            return;
        }
        double c = w.get(v, 0.0);
        if (c == 0) {
            return;
        }
        double factor = c / p.get(v);
        for (int s = 0; s < p.slots(); s++) {
            int i = p.key(s);
            if (i >= 0) {
                w.merge(i, -factor * p.value(s));
            }
        }
        w.remove(v);
    }

    /** @return the law seeded at node b with parameters beta, in equilibrated variables, sparse */
    private SparseVector reconstruct(int node, double[] beta) {
        if (rowsOf == null) {
            rowsOf = new int[nodeCount][];
            kidsOf = new int[nodeCount][];
            mapsOf = new double[nodeCount][][][];
            for (int b = 0; b < nodeCount; b++) {
                rowsOf[b] = ints(rows.get(b));
                kidsOf[b] = ints(childOrder.getOrDefault(b, List.of()));
                mapsOf[b] = childMaps.get(b).toArray(new double[0][][]);
            }
            stackNode = new int[16];
            stackBeta = new double[16][];
        }
        SparseVector w = new SparseVector(rowsOf[node].length);
        int top = 0;
        stackNode[top] = node;
        stackBeta[top++] = beta;
        double reference = maxAbs(beta);
        while (top > 0) {
            top--;
            int b = stackNode[top];
            double[] be = stackBeta[top];
            stackBeta[top] = null;
            if (maxAbs(be) <= DROP_TOLERANCE * reference) {
                continue;
            }
            double[][] q = basis[b];
            int[] r = rowsOf[b];
            for (int i = 0; i < r.length; i++) {
                double sum = 0;
                for (int j = 0; j < be.length; j++) {
                    sum += q[i][j] * be[j];
                }
                if (sum != 0) {
                    // each variable lies in one node: this is its only entry
                    w.append(r[i], sum);
                }
            }
            int[] kids = kidsOf[b];
            double[][][] maps = mapsOf[b];
            if (top + kids.length > stackNode.length) {
                int n = Math.max(2 * stackNode.length, top + kids.length);
                stackNode = Arrays.copyOf(stackNode, n);
                stackBeta = Arrays.copyOf(stackBeta, n);
            }
            // children pushed in order, so popped last first, as the stack always took them
            for (int k = 0; k < kids.length; k++) {
                double[][] x = maps[k];
                double[] child = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < be.length; j++) {
                        sum += x[i][j] * be[j];
                    }
                    child[i] = sum;
                }
                stackNode[top] = kids[k];
                stackBeta[top++] = child;
            }
        }
        double max = 0;
        for (int s = 0; s < w.slots(); s++) {
            max = Math.max(max, Math.abs(w.value(s)));
        }
        double cut = DROP_TOLERANCE * max;
        for (int s = 0; s < w.slots(); s++) {
            if (Math.abs(w.value(s)) <= cut) {
                w.removeSlot(s);
            }
        }
        return w;
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** {@link #reconstruct}'s tree: the rows, children (in the order of their maps) and maps of each node. */
    private int[][] rowsOf;
    private int[][] kidsOf;
    private double[][][][] mapsOf;
    /** {@link #reconstruct}'s stack of nodes and their parameters. */
    private int[] stackNode;
    private double[][] stackBeta;

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Preference of a variable as a pivot: bookkeeping first, then amounts, volumes, potentials, gates. */
    private int rank(int i) {
        switch (problem.kind(i)) {
            case TRANSFER:
            case EXTERNAL_CHARGE:
                return 0;
            case AMOUNT:
                return 1;
            case VOLUME:
                return 2;
            case POTENTIAL:
                return 3;
            default:
                return 4;
        }
    }

    /** Column of each variable in {@link #reduce}'s matrix (scratch, -1 outside a call). */
    private int[] column;

    /**
     * Reduced row echelon form of the laws of one node (equilibrated variables); each law goes to {@code out} in
     * state units with its pivot's coefficient 1, its pivot to {@code pivots}.
     */
    private void reduce(List<SparseVector> group, List<SparseVector> out, List<Integer> pivots) {
        if (column == null) {
            column = new int[dimension];
            Arrays.fill(column, -1);
        }
        // the union of the laws' variables, by pivot preference, then index
        int n = 0;
        long[] order = new long[16];
        for (SparseVector w : group) {
            for (int s = 0; s < w.slots(); s++) {
                int i = w.key(s);
                if (i >= 0 && column[i] < 0) {
                    column[i] = 0;
                    if (n == order.length) {
                        order = Arrays.copyOf(order, 2 * n);
                    }
                    order[n++] = (long) rank(i) << 32 | i;
                }
            }
        }
        Arrays.sort(order, 0, n);
        int[] support = new int[n];
        for (int j = 0; j < n; j++) {
            support[j] = (int) order[j];
            column[support[j]] = j;
        }
        int k = group.size();
        double[][] a = new double[k][n];
        double max = 0;
        for (int r = 0; r < k; r++) {
            SparseVector w = group.get(r);
            for (int s = 0; s < w.slots(); s++) {
                int i = w.key(s);
                if (i >= 0) {
                    a[r][column[i]] = w.value(s);
                }
            }
            for (int j = 0; j < n; j++) {
                max = Math.max(max, Math.abs(a[r][j]));
            }
        }
        for (int j = 0; j < n; j++) {
            column[support[j]] = -1;
        }
        double tol = SmallDense.RANK_TOLERANCE * max;
        int[] pivotOf = new int[k];
        int rank = 0;
        for (int j = 0; j < n && rank < k; j++) {
            int best = rank;
            for (int r = rank + 1; r < k; r++) {
                if (Math.abs(a[r][j]) > Math.abs(a[best][j])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][j]) <= tol) {
                continue;
            }
            double[] tmp = a[rank];
            a[rank] = a[best];
            a[best] = tmp;
            double p = a[rank][j];
            for (int jj = 0; jj < n; jj++) {
                a[rank][jj] /= p;
            }
            a[rank][j] = 1.0;
            for (int r = 0; r < k; r++) {
                if (r != rank && a[r][j] != 0) {
                    double f = a[r][j];
                    for (int jj = 0; jj < n; jj++) {
                        a[r][jj] -= f * a[rank][jj];
                    }
                    a[r][j] = 0.0;
                }
            }
            pivotOf[rank] = j;
            rank++;
        }
        for (int r = 0; r < rank; r++) {
            int pivot = support[pivotOf[r]];
            double rowMax = 0;
            for (int j = 0; j < n; j++) {
                rowMax = Math.max(rowMax, Math.abs(a[r][j]));
            }
            SparseVector w = new SparseVector(Math.min(n, 16));
            // equilibrated coefficient a / rowScale in state units, normalised so that the pivot's is 1
            double pivotCoefficient = 1.0 / rowScale[pivot];
            for (int j = 0; j < n; j++) {
                if (Math.abs(a[r][j]) > DROP_TOLERANCE * rowMax) {
                    int i = support[j];
                    w.append(i, a[r][j] / rowScale[i] / pivotCoefficient);
                }
            }
            out.add(w);
            pivots.add(pivot);
        }
    }

    /**
     * Rounds each coefficient that is an integer to 1e-9 (relative) in its natural unit to that integer: 1 per mol
     * for amounts, {@code C_m A / F} for a membrane's potential, {@code 1 / F} for a charge, 1 for a volume. The
     * laws of ion fluxes have integer coefficients (stoichiometries, valences); rounding removes the last bits of
     * the SVD's rounding from the laws and their values.
     */
    private void snap(SparseVector w) {
        Model model = problem.model();
        for (int s = 0; s < w.slots(); s++) {
            int i = w.key(s);
            if (i < 0) {
                continue;
            }
            double c = w.value(s);
            double unit = 1.0;
            if (problem.kind(i) == SteadyProblem.Kind.POTENTIAL) {
                Membrane mem = model.membranes().get(problem.owner(i));
                unit = mem.capacitanceFPerM2() * mem.areaM2()
                        / org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL;
            } else if (problem.kind(i) == SteadyProblem.Kind.EXTERNAL_CHARGE) {
                unit = 1.0 / org.ionflux.internal.physics.Constants.FARADAY_C_PER_MOL;
            } else if (problem.kind(i) == SteadyProblem.Kind.GATE) {
                continue;
            }
            double k = c / unit;
            double rounded = Math.rint(k);
            if (rounded != 0 && Math.abs(k - rounded) <= 1e-9 * Math.abs(rounded)) {
                w.setValue(s, rounded * unit);
            }
        }
    }
    private String unit(int pivot) {
        switch (problem.kind(pivot)) {
            case VOLUME:
                return "m^3";
            case POTENTIAL:
                return "V";
            case EXTERNAL_CHARGE:
                return "C";
            case GATE:
                return "1";
            default:
                return "mol";
        }
    }
}
