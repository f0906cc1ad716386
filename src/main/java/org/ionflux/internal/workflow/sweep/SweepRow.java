package org.ionflux.internal.workflow.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.CsvTraceWriter;

/**
 * One row of {@code sweep.csv}: a variant, its parameter values (default units), its metrics and how it ended.
 *
 * @param variant   the variant's number, from 0
 * @param values    its parameter values, default units, in the sweep's order
 * @param metrics   its metrics in the sweep's order (NaN where {@code defined} is false)
 * @param defined   where a metric has a value (false: the column is missing in this variant, or the metric is
 *                  undefined; written as an empty cell); all false for a failed variant
 * @param completed true for {@code completed}, false for {@code failed}
 * @param message   why it failed, "" when it completed
 */
public record SweepRow(int variant, double[] values, double[] metrics, boolean[] defined, boolean completed,
                       String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @return a failed row: no metric, and the reason */
    static SweepRow failed(int variant, double[] values, int metricCount, String message) {
        return new SweepRow(variant, values, new double[metricCount], new boolean[metricCount], false, message);
    }

    /** @return {@code completed} or {@code failed} */
    public String status() {
        return completed ? "completed" : "failed";
    }

    /** @return the row's cells, as {@code sweep.csv} writes them (before CSV escaping) */
    public List<String> cells() {
        List<String> cells = new ArrayList<>(values.length + metrics.length + 3);
        cells.add(Integer.toString(variant));
        for (double v : values) {
            cells.add(CsvTraceWriter.format(v));
        }
        for (int m = 0; m < metrics.length; m++) {
            cells.add(defined[m] ? CsvTraceWriter.format(metrics[m]) : "");
        }
        cells.add(status());
        cells.add(message);
        return cells;
    }

    /** @return the row as one line of {@code sweep.csv}, with its line end */
    public String csvLine() {
        return SweepCsv.line(cells());
    }
}
