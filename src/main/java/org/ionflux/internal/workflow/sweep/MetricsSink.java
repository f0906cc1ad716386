package org.ionflux.internal.workflow.sweep;

import java.util.List;
import org.ionflux.internal.output.SettlingTime;
import org.ionflux.internal.output.TraceColumns;
import org.ionflux.internal.output.TraceSink;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * Reduces a trace to a sweep's metrics as its rows stream in, keeping no row (docs/decisions.md "Sweeps"):
 * <ul>
 *   <li>{@code final}: the value at the last row;</li>
 *   <li>{@code min}, {@code max}: over the output rows (NaN if any row is NaN);</li>
 *   <li>{@code mean}: time-weighted over the output rows by the trapezoidal rule,
 *       {@code sum (t_k+1 - t_k) (v_k + v_k+1) / 2 / (t_last - t_first)}, summed in row order; the value itself
 *       when the trace has one row;</li>
 *   <li>{@code time_to_equilibrium}: as {@code summary.json}'s time_to_equilibrium_s ({@link SettlingTime}).</li>
 * </ul>
 * A metric whose column this variant's trace lacks, or whose value is undefined (no row; the time to equilibrium
 * of a column whose final value is infinite) has no value (NaN, written as an empty cell).
 */
final class MetricsSink implements TraceSink, AutoCloseable {

    private final List<SweepDefinition.Metric> metrics;
    private final double atol;
    /** Each metric's stat. */
    private final SweepDefinition.Stat[] stat;
    /** Index of each metric's column in the rows, -1 when the trace lacks it. */
    private final int[] index;
    /** min, max or the trapezoidal sum, by stat. */
    private final double[] accumulated;
    private final double[] last;
    private final SettlingTime[] settling;
    private double firstTime = Double.NaN;
    private double previousTime = Double.NaN;
    private long rows;

    /**
     * @param metrics the sweep's metrics
     * @param atol    the variant's absolute tolerance, output units (for the time to equilibrium)
     */
    MetricsSink(List<SweepDefinition.Metric> metrics, double atol) {
        this.metrics = metrics;
        this.atol = atol;
        int n = metrics.size();
        this.stat = new SweepDefinition.Stat[n];
        this.index = new int[n];
        this.accumulated = new double[n];
        this.last = new double[n];
        this.settling = new SettlingTime[n];
    }

    @Override
    public void begin(List<TraceColumns.Column> columns) {
        for (int m = 0; m < metrics.size(); m++) {
            stat[m] = metrics.get(m).stat();
            index[m] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(metrics.get(m).column())) {
                    index[m] = c;
                }
            }
            accumulated[m] = stat[m] == SweepDefinition.Stat.MIN ? Double.POSITIVE_INFINITY
                    : stat[m] == SweepDefinition.Stat.MAX ? Double.NEGATIVE_INFINITY : 0.0;
            if (index[m] >= 0 && stat[m] == SweepDefinition.Stat.TIME_TO_EQUILIBRIUM) {
                settling[m] = new SettlingTime(atol);
            }
        }
    }

    @Override
    public void row(double[] row) {
        double t = row[0];
        for (int m = 0; m < index.length; m++) {
            int i = index[m];
            if (i < 0) {
                continue;
            }
            double v = row[i];
            double a = accumulated[m];
            switch (stat[m]) {
                case MIN:
                    // a NaN row makes the minimum NaN, for good
                    if (a == a && !(v >= a)) {
                        accumulated[m] = v;
                    }
                    break;
                case MAX:
                    if (a == a && !(v <= a)) {
                        accumulated[m] = v;
                    }
                    break;
                case MEAN:
                    if (rows > 0) {
                        accumulated[m] = a + (t - previousTime) * (last[m] + v) / 2;
                    }
                    break;
                case TIME_TO_EQUILIBRIUM:
                    settling[m].add(t, v);
                    break;
                default:
                    break;
            }
            last[m] = v;
        }
        if (rows == 0) {
            firstTime = t;
        }
        previousTime = t;
        rows++;
    }

    /** @return each metric's value (NaN where it has none), in the sweep's order */
    double[] values() {
        double[] values = new double[metrics.size()];
        for (int m = 0; m < values.length; m++) {
            values[m] = index[m] < 0 || rows == 0 ? Double.NaN : value(m);
        }
        return values;
    }

    /** @return true where the metric has a value (its column exists and it is defined) */
    boolean[] defined() {
        boolean[] defined = new boolean[metrics.size()];
        for (int m = 0; m < defined.length; m++) {
            defined[m] = index[m] >= 0 && rows > 0 && (stat[m] != SweepDefinition.Stat.TIME_TO_EQUILIBRIUM
                    || Double.isFinite(last[m]));
        }
        return defined;
    }

    private double value(int m) {
        switch (stat[m]) {
            case FINAL:
                return last[m];
            case MIN:
            case MAX:
                return accumulated[m];
            case MEAN:
                return rows == 1 ? last[m] : accumulated[m] / (previousTime - firstTime);
            default:
                return settling[m].timeS();
        }
    }

    /** Deletes the temporary files of long runs. */
    @Override
    public void close() {
        for (SettlingTime s : settling) {
            if (s != null) {
                s.close();
            }
        }
    }
}
