package org.ionflux.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.model.SolverKind;
import org.ionflux.internal.solver.BlockTreeLinearization;
import org.ionflux.internal.solver.IonFluxSystem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why: every solver's cost is (evaluations) x (cost per evaluation). This times one call of the right-hand side,
 * of the analytic Jacobian (into the block-tree storage Rosenbrock uses) and of a factor-and-solve of
 * {@code W = I/(gamma h) - J}, for the pump-leak cell (state size 7) and for 100 cells around one ECS. Per-call
 * cost divided by the state size should not grow with the model.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RhsJacobianBenchmark {

    /** {@code pump-leak-cell} (one cell, a clamped bath) or {@code 100-cells} (around one ECS). */
    @Param({"pump-leak-cell", "100-cells"})
    public String model;

    private IonFluxSystem system;
    private BlockTreeLinearization linearization;
    private double[] y;
    private double[] yDot;
    private double[] rhs;

    @Setup
    public void build() {
        Model m = switch (model) {
            case "pump-leak-cell" -> Models.pumpLeakCell(SolverKind.ROSENBROCK, 1e-6, 1e-9, 3600, 1);
            case "100-cells" -> Models.cellsAroundSpace(100, SolverKind.ROSENBROCK, 1e-6, 1e-9, 10, 1, List.of());
            default -> throw new IllegalArgumentException(model);
        };
        system = new IonFluxSystem(m);
        linearization = new BlockTreeLinearization(system);
        y = system.layout().initialState(m);
        yDot = new double[y.length];
        rhs = new double[y.length];
        system.computeDerivatives(0, y, yDot);
        linearization.computeJacobian(0, y, yDot);
    }

    /** One right-hand-side evaluation f(y). */
    @Benchmark
    public double[] rhs() {
        system.computeDerivatives(0, y, yDot);
        return yDot;
    }

    /** One analytic Jacobian, assembled block by block. */
    @Benchmark
    public BlockTreeLinearization jacobian() {
        linearization.computeJacobian(0, y, yDot);
        return linearization;
    }

    /** One factorization of W at a typical shift (h = 1 s, gamma = 0.25) and one solve with it. */
    @Benchmark
    public double[] factorAndSolve() {
        linearization.factor(4.0);
        System.arraycopy(yDot, 0, rhs, 0, rhs.length);
        linearization.solve(rhs);
        return rhs;
    }
}
