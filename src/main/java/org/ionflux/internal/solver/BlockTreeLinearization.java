package org.ionflux.internal.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.ionflux.internal.mechanism.StatefulTerm;
import org.ionflux.internal.model.Membrane;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.solver.stiff.DenseLu;
import org.ionflux.internal.solver.stiff.LinearizedSystem;

/**
 * The Rosenbrock iteration matrix {@code W = shift I - J} of an ion-flux system, stored and solved block by block
 * along the membrane forest: the block version of Hines' method (Hines 1984, "Efficient computation of branched
 * nerve equations"), which NEURON uses for cables. Cost and memory grow linearly with the number of compartments.
 *
 * <p>Each forest is rooted at a clamped compartment when it has one. Block b holds the amounts and volume of one
 * compartment together with the potential and gates of the membrane to its parent; the Jacobian then couples a
 * block only with itself, its parent and its children. Elimination runs from the leaves to the roots (Schur
 * complements on the parents' diagonal blocks), back-substitution from the roots to the leaves; each diagonal block
 * is factored in place by {@link DenseLu}, pivoting inside the block. The bookkeeping accumulators (net transfer
 * into baths, external charge) are sinks: nothing depends on them, so their rows are stored sparsely and solved
 * last.
 */
public final class BlockTreeLinearization implements LinearizedSystem {

    private final IonFluxSystem system;
    private final int dimension;
    private final int[] blockOf;
    private final int[] positionOf;
    private final boolean[] sink;
    private final int[] sinkVariables;

    // blocks numbered in post-order (children before parents); all block matrices in flat, block-contiguous
    // arrays (row-major), so that a sweep over the tree walks memory forwards: at 10 000 cells the blocks no longer
    // fit in cache, and arrays of row arrays made the solve memory-bound
    private final int blocks;
    private final int[] size;
    private final int[] parentBlock;
    private final int[][] variables;
    private final int[] diagonalOffset;
    private final int[] couplingOffset;
    private final double[] jacobianDiagonal;
    private final double[] jacobianUp;
    private final double[] jacobianDown;
    private final double[] w;
    private final double[] x;
    /** Pivot rows of each block's LU, at the block's work offset. */
    private final int[] pivot;
    private final int[] blockNumber;
    private final int[][] sinkColumns;
    private final double[][] sinkValues;
    private final int[] sinkCount;
    private final double[] work;
    /** Position of each block's first entry in the block-ordered work vector. */
    private final int[] workOffset;
    private final JacobianSink sinkAdder = this::add;
    private double shift;

    /** Lays out the blocks of {@code system}'s state along its membrane forest. */
    public BlockTreeLinearization(IonFluxSystem system) {
        this.system = system;
        Model model = system.model();
        StateLayout layout = system.layout();
        dimension = layout.dimension();
        int compartments = model.compartments().size();

        // root every tree of the forest, at a clamped compartment where there is one
        List<List<int[]>> neighbours = new ArrayList<>();
        for (int c = 0; c < compartments; c++) {
            neighbours.add(new ArrayList<>());
        }
        for (int m = 0; m < model.membranes().size(); m++) {
            Membrane mem = model.membranes().get(m);
            neighbours.get(mem.insideIndex()).add(new int[] {mem.outsideIndex(), m});
            neighbours.get(mem.outsideIndex()).add(new int[] {mem.insideIndex(), m});
        }
        int[] parentCompartment = new int[compartments];
        int[] parentMembrane = new int[compartments];
        Arrays.fill(parentCompartment, -2);
        List<Integer> bfs = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < compartments; c++) {
                boolean eligible = pass == 1 || model.compartments().get(c).clamped();
                if (parentCompartment[c] != -2 || !eligible) {
                    continue;
                }
                roots.add(c);
                parentCompartment[c] = -1;
                parentMembrane[c] = -1;
                Deque<Integer> queue = new ArrayDeque<>(List.of(c));
                while (!queue.isEmpty()) {
                    int at = queue.poll();
                    bfs.add(at);
                    for (int[] edge : neighbours.get(at)) {
                        if (parentCompartment[edge[0]] == -2) {
                            parentCompartment[edge[0]] = at;
                            parentMembrane[edge[0]] = edge[1];
                            queue.add(edge[0]);
                        }
                    }
                }
            }
        }

        // the variables of stateful terms (gates) belong to the block of their membrane
        List<List<Integer>> membraneStateVariables = new ArrayList<>();
        for (int m = 0; m < model.membranes().size(); m++) {
            membraneStateVariables.add(new ArrayList<>());
        }
        for (int t = 0; t < layout.statefulTerms().size(); t++) {
            StatefulTerm term = layout.statefulTerms().get(t);
            for (int local = 0; local < term.stateCount(); local++) {
                membraneStateVariables.get(term.stateMembrane(local)).add(layout.statefulOffset(t) + local);
            }
        }

        // one block per compartment: its amounts and volume, and the membrane to its parent
        blockOf = new int[dimension];
        positionOf = new int[dimension];
        Arrays.fill(blockOf, -1);
        sink = new boolean[dimension];
        int[][] blockVariables = new int[compartments][];
        for (int c = 0; c < compartments; c++) {
            List<Integer> vars = new ArrayList<>();
            for (int s = 0; s < layout.speciesCount(); s++) {
                if (layout.amountIndex(c, s) >= 0) {
                    vars.add(layout.amountIndex(c, s));
                }
            }
            if (layout.volumeIndex(c) >= 0) {
                vars.add(layout.volumeIndex(c));
            }
            int m = parentMembrane[c];
            if (m >= 0) {
                if (layout.potentialIndex(m) >= 0) {
                    vars.add(layout.potentialIndex(m));
                }
                vars.addAll(membraneStateVariables.get(m));
            }
            blockVariables[c] = new int[vars.size()];
            for (int i = 0; i < blockVariables[c].length; i++) {
                blockVariables[c][i] = vars.get(i);
            }
            for (int i = 0; i < blockVariables[c].length; i++) {
                blockOf[blockVariables[c][i]] = c;
                positionOf[blockVariables[c][i]] = i;
            }
            // blockOf holds compartments until the blocks are numbered below
        }
        List<Integer> post = new ArrayList<>();
        for (int i = bfs.size() - 1; i >= 0; i--) {
            if (blockVariables[bfs.get(i)].length > 0) {
                post.add(bfs.get(i));
            }
        }
        blocks = post.size();
        blockNumber = new int[compartments];
        Arrays.fill(blockNumber, -1);
        for (int b = 0; b < blocks; b++) {
            blockNumber[post.get(b)] = b;
        }
        size = new int[blocks];
        parentBlock = new int[blocks];
        variables = new int[blocks][];
        diagonalOffset = new int[blocks + 1];
        couplingOffset = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            int c = post.get(b);
            int p = parentCompartment[c];
            parentBlock[b] = p >= 0 ? blockNumber[p] : -1;
            variables[b] = blockVariables[c];
            size[b] = variables[b].length;
            int np = parentBlock[b] >= 0 ? blockVariables[p].length : 0;
            diagonalOffset[b + 1] = diagonalOffset[b] + size[b] * size[b];
            couplingOffset[b + 1] = couplingOffset[b] + size[b] * np;
        }
        List<Integer> sinks = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            if (blockOf[i] < 0) {
                sink[i] = true;
                sinks.add(i);
            }
        }
        sinkVariables = new int[sinks.size()];
        for (int i = 0; i < sinkVariables.length; i++) {
            sinkVariables[i] = sinks.get(i);
        }

        for (int i = 0; i < dimension; i++) {
            if (blockOf[i] >= 0) {
                blockOf[i] = blockNumber[blockOf[i]];
            }
        }
        jacobianDiagonal = new double[diagonalOffset[blocks]];
        w = new double[diagonalOffset[blocks]];
        jacobianUp = new double[couplingOffset[blocks]];
        jacobianDown = new double[couplingOffset[blocks]];
        x = new double[couplingOffset[blocks]];
        pivot = new int[dimension];
        sinkColumns = new int[dimension][];
        sinkValues = new double[dimension][];
        sinkCount = new int[dimension];
        for (int r : sinkVariables) {
            sinkColumns[r] = new int[8];
            sinkValues[r] = new double[8];
        }
        work = new double[dimension];
        workOffset = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) {
            workOffset[b + 1] = workOffset[b] + size[b];
        }
    }

    @Override
    public void computeJacobian(double t, double[] y, double[] yDot) {
        Arrays.fill(jacobianDiagonal, 0.0);
        Arrays.fill(jacobianUp, 0.0);
        Arrays.fill(jacobianDown, 0.0);
        for (int r : sinkVariables) {
            sinkCount[r] = 0;
        }
        system.computeJacobian(y, sinkAdder);
    }

    /**
     * Adds {@code value} to entry (row, col) of the Jacobian stored by the last {@link #computeJacobian}, before
     * {@link #factor}: {@code steady} adds its conservation laws there. The entry must fit the block structure
     * ({@link #fits}).
     *
     * @throws IllegalStateException if (row, col) couples blocks that are not parent and child
     */
    public void addToJacobian(int row, int col, double value) {
        add(row, col, value);
    }

    /**
     * @return the diagonal entry {@code J_ii} stored by the last {@link #computeJacobian} (with what
     *     {@link #addToJacobian} added since), or 0 for a bookkeeping sink
     */
    public double diagonalEntry(int i) {
        int b = blockOf[i];
        if (sink[i] || b < 0) {
            return 0.0;
        }
        return jacobianDiagonal[diagonalOffset[b] + positionOf[i] * size[b] + positionOf[i]];
    }

    /**
     * @return true if entry (row, col) fits the block structure: both variables in one block, or in a block and its
     *     parent, or the row a bookkeeping sink (stored sparsely)
     */
    public boolean fits(int row, int col) {
        if (sink[row]) {
            return true;
        }
        int br = blockOf[row];
        int bc = blockOf[col];
        return bc >= 0 && (br == bc || bc == parentBlock[br] || br == parentBlock[bc]);
    }

    private void add(int row, int col, double value) {
        if (sink[row]) {
            int n = sinkCount[row];
            if (n == sinkColumns[row].length) {
                sinkColumns[row] = Arrays.copyOf(sinkColumns[row], 2 * n);
                sinkValues[row] = Arrays.copyOf(sinkValues[row], 2 * n);
            }
            sinkColumns[row][n] = col;
            sinkValues[row][n] = value;
            sinkCount[row] = n + 1;
            return;
        }
        int br = blockOf[row];
        int bc = blockOf[col];
        if (br == bc) {
            jacobianDiagonal[diagonalOffset[br] + positionOf[row] * size[br] + positionOf[col]] += value;
        } else if (bc == parentBlock[br]) {
            // rows of block br, columns of its parent
            jacobianUp[couplingOffset[br] + positionOf[row] * size[bc] + positionOf[col]] += value;
        } else if (br == parentBlock[bc]) {
            // rows of the parent br, columns of block bc
            jacobianDown[couplingOffset[bc] + positionOf[row] * size[bc] + positionOf[col]] += value;
        } else if (value != 0) {
            throw new IllegalStateException("Jacobian entry (" + row + ", " + col + ") couples blocks " + br + " and "
                    + bc + ", which are not parent and child");
        }
    }

    @Override
    public void factor(double newShift) {
        this.shift = newShift;
        for (int b = 0; b < blocks; b++) {
            int n = size[b];
            int d = diagonalOffset[b];
            for (int i = 0; i < n * n; i++) {
                w[d + i] = -jacobianDiagonal[d + i];
            }
            for (int i = 0; i < n; i++) {
                w[d + i * n + i] += newShift;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int n = size[b];
            int d = diagonalOffset[b];
            DenseLu.factor(w, d, n, pivot, workOffset[b]);
            int p = parentBlock[b];
            if (p < 0) {
                continue;
            }
            // X = W_b^-1 U_b with U_b = -J_up (n x np); then W_p -= L_b X with L_b = -J_down (np x n)
            int np = size[p];
            int o = couplingOffset[b];
            for (int i = 0; i < n * np; i++) {
                x[o + i] = -jacobianUp[o + i];
            }
            for (int j = 0; j < np; j++) {
                DenseLu.solve(w, d, n, pivot, workOffset[b], x, o + j, np);
            }
            int dp = diagonalOffset[p];
            for (int i = 0; i < np; i++) {
                for (int k = 0; k < n; k++) {
                    double l = -jacobianDown[o + i * n + k];
                    if (l != 0) {
                        int xk = o + k * np;
                        int wi = dp + i * np;
                        for (int j = 0; j < np; j++) {
                            w[wi + j] -= l * x[xk + j];
                        }
                    }
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>At {@code shift = 0} (a Newton step of {@code steady}) the bookkeeping sinks have no equation of their own
     * and their entries of the solution are not finite; the other entries do not depend on them.</p>
     */
    @Override
    public void solve(double[] rhs) {
        // gather each block's right-hand side into work, in block order
        for (int b = 0; b < blocks; b++) {
            int[] vars = variables[b];
            int base = workOffset[b];
            for (int i = 0; i < vars.length; i++) {
                work[base + i] = rhs[vars[i]];
            }
        }
        // forward: z_b = W_b^-1 r_b, then r_parent -= L_b z_b
        for (int b = 0; b < blocks; b++) {
            int n = size[b];
            int base = workOffset[b];
            DenseLu.solve(w, diagonalOffset[b], n, pivot, base, work, base, 1);
            int p = parentBlock[b];
            if (p >= 0) {
                int np = size[p];
                int pbase = workOffset[p];
                int o = couplingOffset[b];
                for (int i = 0; i < np; i++) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += jacobianDown[o + i * n + k] * work[base + k];
                    }
                    // L = -J_down: r_p -= L z = r_p + J_down z
                    work[pbase + i] += sum;
                }
            }
        }
        // backward, roots first: x_b = z_b - X_b x_parent
        for (int b = blocks - 1; b >= 0; b--) {
            int p = parentBlock[b];
            if (p < 0) {
                continue;
            }
            int n = size[b];
            int np = size[p];
            int base = workOffset[b];
            int pbase = workOffset[p];
            int o = couplingOffset[b];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < np; j++) {
                    sum += x[o + i * np + j] * work[pbase + j];
                }
                work[base + i] -= sum;
            }
        }
        for (int b = 0; b < blocks; b++) {
            int[] vars = variables[b];
            int base = workOffset[b];
            for (int i = 0; i < vars.length; i++) {
                rhs[vars[i]] = work[base + i];
            }
        }
        // sinks: shift x_r - sum_j J_rj x_j = rhs_r
        for (int r : sinkVariables) {
            double sum = rhs[r];
            for (int k = 0; k < sinkCount[r]; k++) {
                sum += sinkValues[r][k] * rhs[sinkColumns[r][k]];
            }
            rhs[r] = sum / shift;
        }
    }
}
