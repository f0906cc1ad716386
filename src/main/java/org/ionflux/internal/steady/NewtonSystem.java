package org.ionflux.internal.steady;

import org.ionflux.internal.solver.BlockTreeLinearization;
import org.ionflux.internal.solver.IonFluxSystem;
import org.ionflux.internal.solver.stiff.DenseLu;

/**
 * The linear systems of the steady-state iteration, {@code W x = rhs} with the analytic Jacobian J of the physical
 * variables (the bookkeeping accumulators are sinks: nothing depends on them and they are not solved for):
 * <ul>
 *   <li>a <b>Newton step</b> with the conservation laws imposed: {@code W = -A}, {@code A = J - S L_u^T D L_u S^-1}
 *   ({@link LawSet#addToMatrix}); {@code rhs = f + S L_u^T D (c - L_u u)};</li>
 *   <li>a <b>pseudo-transient step</b> (implicit Euler, linearised): {@code W = I/dt - J}, {@code rhs = f}.</li>
 * </ul>
 *
 * <p><b>Why A is regular at a nondegenerate steady state.</b> Every column of J lies in the range of the
 * stoichiometry N ({@code J = N dr/dy}), which is {@code null(L)} ({@code L N = 0} defines the laws L, full row rank);
 * the law term lies in {@code S^2 rowspace(L)}. These two subspaces are complementary: if {@code v = S^2 L^T x}
 * and {@code L v = 0} then {@code x^T L S^2 L^T x = |S L^T x|^2 = 0}, so v = 0, and their dimensions add up to n. So
 * {@code A dy = 0} splits into {@code J dy = 0} and {@code S^2 L^T D L dy = 0}, hence {@code L dy = 0}: dy keeps the
 * laws and J annihilates it, which a nondegenerate steady state (J regular on the subspace that keeps the laws, where
 * it acts) forbids unless dy = 0. The same splitting of {@code A dy = -f - S^2 L^T D b} (f lies in range(N)) gives
 * {@code J dy = -f} and {@code L dy = b}: the solution is the Newton step of f restricted to the laws, landing exactly
 * on them. D holds positive weights of the size of J ({@link LawSet#weights}), so A is as well conditioned as J on
 * the invariant subspace. This is the bordered system {@code [J, S^2 L^T; L, 0]} with its multipliers eliminated.</p>
 *
 * <p><b>Two storages.</b> When every law lies within one block of the membrane tree or a block and its parent (the
 * impermeant amounts and the charge of each compartment, the laws of models with a clamped bath), the law term
 * keeps the block-tree structure and {@link BlockTreeLinearization} factors A in time linear in the number of
 * compartments, as it does for the stiff solver ({@link #blocks}). Laws spanning several blocks (totals over a
 * closed group of compartments) take a dense path with {@link DenseLu}, up to {@link #DENSE_LIMIT} physical
 * variables ({@link #dense}); above that no Newton matrix is built and the iteration relies on pseudo-transient
 * steps, which need no law term (implicit Euler keeps every linear invariant) and use the block tree.</p>
 */
abstract class NewtonSystem {

    /**
     * Largest number of physical state variables for a dense Newton matrix (when some law spans several blocks):
     * one factorization costs {@code n^3 / 3} flops, 2.7e9 at 2000 (about a second), and holds two {@code n x n}
     * arrays (64 MB).
     */
    static final int DENSE_LIMIT = 2000;

    final SteadyProblem problem;
    final LawSet laws;
    final int physical;

    NewtonSystem(SteadyProblem problem, LawSet laws) {
        this.problem = problem;
        this.laws = laws;
        this.physical = problem.physicalDimension();
    }

    /** @return the block-tree system when the laws fit the tree, else the dense one within its limit, else null */
    static NewtonSystem newton(SteadyProblem problem, LawSet laws) {
        Blocks blocks = new Blocks(problem, laws);
        if (laws.fitsBlocks(blocks.tree)) {
            return blocks;
        }
        return problem.physicalDimension() <= DENSE_LIMIT ? new Dense(problem, laws) : null;
    }

    /** @return a block-tree system for pseudo-transient steps (it cannot take Newton steps if the laws do not fit) */
    static NewtonSystem blocks(SteadyProblem problem, LawSet laws) {
        return new Blocks(problem, laws);
    }

    /** @return a dense system (at most {@link #DENSE_LIMIT} physical variables) */
    static NewtonSystem dense(SteadyProblem problem, LawSet laws) {
        return new Dense(problem, laws);
    }

    /** @return true if this system can take Newton steps with the laws imposed */
    abstract boolean canImposeLaws();

    /** Evaluates and stores J at y (f = f(y) already evaluated). */
    abstract void linearize(double[] y, double[] f);

    /**
     * Factors {@code W = -(J - S L^T D L S^-1)} for a Newton step.
     *
     * @throws org.apache.commons.math3.linear.SingularMatrixException if W is singular
     */
    abstract void factorNewton(double[] alpha);

    /** Factors {@code W = I/dt - J} for a pseudo-transient step of {@code dt} seconds. */
    abstract void factorTransient(double dtS);

    /** Solves {@code W x = rhs} in place (physical entries; the others are left meaningless). */
    abstract void solve(double[] rhs);

    /** @return {@code J_ii} of the physical variables at the last {@link #linearize}, 1/s */
    abstract double[] jacobianDiagonal();

    /** The block-tree storage ({@link BlockTreeLinearization}, the stiff solver's). */
    private static final class Blocks extends NewtonSystem {
        private final BlockTreeLinearization tree;
        private final IonFluxSystem system;
        private final double[] diagonal;
        private double[] at;
        private double[] rates;
        private boolean lawsAdded;

        Blocks(SteadyProblem problem, LawSet laws) {
            super(problem, laws);
            this.system = problem.system();
            this.tree = new BlockTreeLinearization(system);
            this.diagonal = new double[physical];
        }

        @Override
        boolean canImposeLaws() {
            return laws.fitsBlocks(tree);
        }

        @Override
        void linearize(double[] y, double[] f) {
            at = y.clone();
            rates = f.clone();
            tree.computeJacobian(problem.atS(), y, f);
            lawsAdded = false;
            // the tree holds J_ii as the sum of the same entries, in the same order
            for (int i = 0; i < physical; i++) {
                diagonal[i] = tree.diagonalEntry(i);
            }
        }

        @Override
        void factorNewton(double[] alpha) {
            if (lawsAdded) {
                tree.computeJacobian(problem.atS(), at, rates);
            }
            laws.addToMatrix(alpha, tree::addToJacobian);
            lawsAdded = true;
            tree.factor(0.0);
        }

        @Override
        void factorTransient(double dtS) {
            if (lawsAdded) {
                tree.computeJacobian(problem.atS(), at, rates);
                lawsAdded = false;
            }
            tree.factor(1.0 / dtS);
        }

        @Override
        void solve(double[] rhs) {
            tree.solve(rhs);
        }

        @Override
        double[] jacobianDiagonal() {
            return diagonal.clone();
        }
    }

    /** One dense {@code n x n} matrix of the physical variables, factored by {@link DenseLu}. */
    private static final class Dense extends NewtonSystem {
        private final double[] jacobian;
        private final double[] w;
        private final int[] pivot;
        private final IonFluxSystem system;

        Dense(SteadyProblem problem, LawSet laws) {
            super(problem, laws);
            this.system = problem.system();
            int n = physical;
            jacobian = new double[n * n];
            w = new double[n * n];
            pivot = new int[n];
        }

        @Override
        boolean canImposeLaws() {
            return true;
        }

        @Override
        void linearize(double[] y, double[] f) {
            java.util.Arrays.fill(jacobian, 0.0);
            int n = physical;
            system.computeJacobian(y, (row, col, value) -> {
                if (row < n && col < n) {
                    jacobian[row * n + col] += value;
                }
            });
        }

        @Override
        void factorNewton(double[] alpha) {
            int n = physical;
            for (int i = 0; i < n * n; i++) {
                w[i] = -jacobian[i];
            }
            laws.addToMatrix(alpha, (row, col, value) -> w[row * n + col] -= value);
            factor();
        }

        @Override
        void factorTransient(double dtS) {
            int n = physical;
            for (int i = 0; i < n * n; i++) {
                w[i] = -jacobian[i];
            }
            for (int i = 0; i < n; i++) {
                w[i * n + i] += 1.0 / dtS;
            }
            factor();
        }

        private void factor() {
            if (physical > 0) {
                DenseLu.factor(w, 0, physical, pivot, 0);
            }
        }

        @Override
        void solve(double[] rhs) {
            if (physical > 0) {
                DenseLu.solve(w, 0, physical, pivot, 0, rhs, 0, 1);
            }
        }

        @Override
        double[] jacobianDiagonal() {
            double[] d = new double[physical];
            for (int i = 0; i < physical; i++) {
                d[i] = jacobian[i * physical + i];
            }
            return d;
        }
    }
}
