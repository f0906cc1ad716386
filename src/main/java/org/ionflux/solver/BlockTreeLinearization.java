package org.ionflux.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.ionflux.model.Channel;
import org.ionflux.model.Membrane;
import org.ionflux.model.Model;
import org.ionflux.solver.stiff.DenseLu;
import org.ionflux.solver.stiff.LinearizedSystem;

/**
 * The Rosenbrock iteration matrix {@code W = shift I - J} of an ion-flux system, stored and solved block by block
 * along the membrane forest: the block version of Hines' method (Hines 1984, "Efficient computation of branched
 * nerve equations"), which NEURON uses for cables. Cost and memory grow linearly with the number of compartments.
 *
 * <p>Each forest is rooted at a clamped compartment when it has one. Block b holds the amounts and volume of one
 * compartment together with the potential and gates of the membrane to its parent; the Jacobian then couples a
 * block only with itself, its parent and its children. Elimination runs from the leaves to the roots (Schur
 * complements on the parents' diagonal blocks), back-substitution from the roots to the leaves. The bookkeeping
 * accumulators (net transfer into baths, external charge) are sinks: nothing depends on them, so their rows are
 * stored sparsely and solved last.
 */
public final class BlockTreeLinearization implements LinearizedSystem {

    private final IonFluxSystem system;
    private final int dimension;
    private final int[] blockOf;
    private final int[] positionOf;
    private final int[][] blockVariables;
    private final int[] parent;
    private final int[] postOrder;
    private final boolean[] sink;
    private final int[] sinkVariables;

    private final double[][][] jacobianDiagonal;
    private final double[][][] jacobianUp;
    private final double[][][] jacobianDown;
    private final double[][][] w;
    private final double[][][] x;
    private final DenseLu[] lu;
    private final int[][] sinkColumns;
    private final double[][] sinkValues;
    private final int[] sinkCount;
    private final double[] work;
    private final double[][] columnOfSize;
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

        // one block per compartment: its amounts and volume, and the membrane to its parent
        blockOf = new int[dimension];
        positionOf = new int[dimension];
        Arrays.fill(blockOf, -1);
        sink = new boolean[dimension];
        blockVariables = new int[compartments][];
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
                Membrane mem = model.membranes().get(m);
                for (int k = 0; k < mem.channels().size(); k++) {
                    if (mem.channels().get(k) instanceof Channel.Gated gated) {
                        for (int g = 0; g < gated.kinetics().gateCount(); g++) {
                            vars.add(layout.gateIndex(m, k) + g);
                        }
                    }
                }
            }
            blockVariables[c] = vars.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < blockVariables[c].length; i++) {
                blockOf[blockVariables[c][i]] = c;
                positionOf[blockVariables[c][i]] = i;
            }
        }
        parent = new int[compartments];
        for (int c = 0; c < compartments; c++) {
            int p = parentCompartment[c];
            parent[c] = p >= 0 && blockVariables[p].length > 0 ? p : -1;
        }
        List<Integer> post = new ArrayList<>();
        for (int i = bfs.size() - 1; i >= 0; i--) {
            if (blockVariables[bfs.get(i)].length > 0) {
                post.add(bfs.get(i));
            }
        }
        postOrder = post.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> sinks = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            if (blockOf[i] < 0) {
                sink[i] = true;
                sinks.add(i);
            }
        }
        sinkVariables = sinks.stream().mapToInt(Integer::intValue).toArray();

        jacobianDiagonal = new double[compartments][][];
        jacobianUp = new double[compartments][][];
        jacobianDown = new double[compartments][][];
        w = new double[compartments][][];
        x = new double[compartments][][];
        lu = new DenseLu[compartments];
        int largest = 1;
        for (int c : postOrder) {
            int nb = blockVariables[c].length;
            largest = Math.max(largest, nb);
            jacobianDiagonal[c] = new double[nb][nb];
            w[c] = new double[nb][nb];
            lu[c] = new DenseLu(nb);
            if (parent[c] >= 0) {
                int np = blockVariables[parent[c]].length;
                jacobianUp[c] = new double[nb][np];
                jacobianDown[c] = new double[np][nb];
                x[c] = new double[nb][np];
            }
        }
        sinkColumns = new int[dimension][];
        sinkValues = new double[dimension][];
        sinkCount = new int[dimension];
        for (int r : sinkVariables) {
            sinkColumns[r] = new int[8];
            sinkValues[r] = new double[8];
        }
        work = new double[dimension];
        // DenseLu checks the length of what it solves: one buffer per block size
        columnOfSize = new double[largest + 1][];
        for (int size = 0; size <= largest; size++) {
            columnOfSize[size] = new double[size];
        }
    }

    /** @return the number of blocks (compartments with state), for tests and benchmarks */
    public int blockCount() {
        return postOrder.length;
    }

    /** @return the size of the largest block */
    public int largestBlock() {
        return columnOfSize.length - 1;
    }

    @Override
    public void computeJacobian(double t, double[] y, double[] yDot) {
        for (int c : postOrder) {
            zero(jacobianDiagonal[c]);
            if (parent[c] >= 0) {
                zero(jacobianUp[c]);
                zero(jacobianDown[c]);
            }
        }
        for (int r : sinkVariables) {
            sinkCount[r] = 0;
        }
        system.computeJacobian(y, sinkAdder);
    }

    private static void zero(double[][] m) {
        for (double[] row : m) {
            Arrays.fill(row, 0.0);
        }
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
            jacobianDiagonal[br][positionOf[row]][positionOf[col]] += value;
        } else if (bc == parent[br]) {
            jacobianUp[br][positionOf[row]][positionOf[col]] += value;
        } else if (br == parent[bc]) {
            jacobianDown[bc][positionOf[row]][positionOf[col]] += value;
        } else if (value != 0) {
            throw new IllegalStateException("Jacobian entry (" + row + ", " + col + ") couples blocks " + br + " and "
                    + bc + ", which are not parent and child");
        }
    }

    @Override
    public void factor(double newShift) {
        this.shift = newShift;
        for (int c : postOrder) {
            double[][] d = jacobianDiagonal[c];
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < d.length; j++) {
                    w[c][i][j] = -d[i][j];
                }
                w[c][i][i] += newShift;
            }
        }
        for (int c : postOrder) {
            lu[c].factor(w[c]);
            int p = parent[c];
            if (p < 0) {
                continue;
            }
            // X = D^-1 U with U = -J_up; then D_parent -= L X with L = -J_down
            int nb = blockVariables[c].length;
            int np = blockVariables[p].length;
            double[] column = columnOfSize[nb];
            for (int j = 0; j < np; j++) {
                for (int i = 0; i < nb; i++) {
                    column[i] = -jacobianUp[c][i][j];
                }
                lu[c].solve(column);
                for (int i = 0; i < nb; i++) {
                    x[c][i][j] = column[i];
                }
            }
            double[][] down = jacobianDown[c];
            double[][] wp = w[p];
            for (int i = 0; i < np; i++) {
                double[] di = down[i];
                for (int k = 0; k < nb; k++) {
                    double l = -di[k];
                    if (l != 0) {
                        double[] xk = x[c][k];
                        double[] wpi = wp[i];
                        for (int j = 0; j < np; j++) {
                            wpi[j] -= l * xk[j];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void solve(double[] rhs) {
        // forward: z_b = D_b^-1 rhs_b, then rhs_parent -= L_b z_b
        for (int c : postOrder) {
            int[] vars = blockVariables[c];
            double[] column = columnOfSize[vars.length];
            for (int i = 0; i < vars.length; i++) {
                column[i] = rhs[vars[i]];
            }
            lu[c].solve(column);
            for (int i = 0; i < vars.length; i++) {
                work[vars[i]] = column[i];
            }
            int p = parent[c];
            if (p >= 0) {
                int[] pv = blockVariables[p];
                double[][] down = jacobianDown[c];
                for (int i = 0; i < pv.length; i++) {
                    double sum = 0;
                    for (int k = 0; k < vars.length; k++) {
                        sum -= down[i][k] * column[k];
                    }
                    rhs[pv[i]] -= sum;
                }
            }
        }
        // backward, roots first: x_b = z_b - X_b x_parent
        for (int idx = postOrder.length - 1; idx >= 0; idx--) {
            int c = postOrder[idx];
            int[] vars = blockVariables[c];
            int p = parent[c];
            if (p >= 0) {
                int[] pv = blockVariables[p];
                for (int i = 0; i < vars.length; i++) {
                    double[] xi = x[c][i];
                    double sum = 0;
                    for (int j = 0; j < pv.length; j++) {
                        sum += xi[j] * work[pv[j]];
                    }
                    work[vars[i]] -= sum;
                }
            }
        }
        for (int c : postOrder) {
            for (int v : blockVariables[c]) {
                rhs[v] = work[v];
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
