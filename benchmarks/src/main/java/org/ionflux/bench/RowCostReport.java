package org.ionflux.bench;

import java.util.Arrays;
import java.util.List;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.solver.IonFluxSystem;

/**
 * What a trace row of the warm pump-leak bench costs, column kind by column kind: {@link TraceRowBenchmark}'s record
 * sets (each block of 36 rows announced with its box, as a run's steps are) and the right-hand side, timed in one JVM round by round (each round times every set once over the 3601
 * states of a real run, ten times over), so that the phases in which this shared machine's cores run slower or
 * faster hit every set alike; separate JMH forks land in different phases. Prints, per set, the median and fastest
 * ns per row over the rounds after the first third (the JIT's). Run from {@code benchmarks/}:
 *
 * <pre>
 * taskset -c 1 java -cp target/benchmarks.jar org.ionflux.bench.RowCostReport 150
 * </pre>
 */
public final class RowCostReport {

    private RowCostReport() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        Model model = TraceRowBenchmark.model();
        double[][] states = TraceRowBenchmark.states(model);
        double[][][] boxes = TraceRowBenchmark.boxes(states);
        List<String> sets = List.of("state", "state+bath", "state+nernst", "state+I_Na", "all", "rhs");
        int n = sets.size();
        TraceColumns[] columns = new TraceColumns[n];
        double[][] rows = new double[n][];
        IonFluxSystem rhsSystem = new IonFluxSystem(model);
        double[] yDot = new double[rhsSystem.dimension()];
        for (int k = 0; k < n - 1; k++) {
            columns[k] = new TraceColumns(new IonFluxSystem(model), TraceRowBenchmark.patterns(sets.get(k)));
            rows[k] = new double[columns[k].size()];
        }
        double[][] nsPerRow = new double[n][rounds];
        double sum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                long start = System.nanoTime();
                for (int repeat = 0; repeat < 10; repeat++) {
                    if (columns[k] != null) {
                        sum += TraceRowBenchmark.fillAll(columns[k], states, boxes, rows[k]);
                    } else {
                        for (int i = 0; i < states.length; i++) {
                            rhsSystem.computeDerivatives(0.0, states[i], yDot);
                            sum += yDot[0];
                        }
                    }
                }
                nsPerRow[k][r] = (System.nanoTime() - start) / (10.0 * states.length);
            }
        }
        for (int k = 0; k < n; k++) {
            double[] settled = Arrays.copyOfRange(nsPerRow[k], rounds / 3, rounds);
            Arrays.sort(settled);
            System.out.printf("%-13s %2s columns  median %6.1f ns/row  fastest %6.1f%n", sets.get(k),
                    columns[k] == null ? "" : String.valueOf(columns[k].size()), settled[settled.length / 2],
                    settled[0]);
        }
        if (sum == 42) {
            System.out.println();
        }
    }
}
