package org.ionflux.bench;

import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.InMemoryTrace;
import org.ionflux.internal.output.TraceColumns;

/** Accuracy measures of a trace against a reference trace of the same model and output times. */
public final class TraceMetrics {

    private TraceMetrics() {
    }

    /** @return true for the columns that are (functions of) state in output units: mV, mM, pL */
    static boolean isStateColumn(TraceColumns.Column c) {
        return c.kind() == TraceColumns.Kind.POTENTIAL || c.kind() == TraceColumns.Kind.CONCENTRATION
                || c.kind() == TraceColumns.Kind.VOLUME;
    }

    /**
     * Weighted RMS error over every row and every state column (V mV, concentrations mM, volumes pL):
     * {@code sqrt(mean(((y - y_ref) / (atol + rtol |y_ref|))^2))}. A value of 1 means "as accurate as asked".
     */
    public static double weightedRmsError(InMemoryTrace trace, InMemoryTrace reference, double rtol, double atol) {
        int[] cols = stateColumns(trace, reference);
        requireSameRows(trace, reference);
        double sum = 0;
        long n = 0;
        for (int r = 0; r < trace.rows().size(); r++) {
            double[] y = trace.rows().get(r);
            double[] ref = reference.rows().get(r);
            for (int c : cols) {
                double e = (y[c] - ref[c]) / (atol + rtol * Math.abs(ref[c]));
                sum += e * e;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }

    /** @return the largest relative error |y - y_ref| / |y_ref| over every row and state column */
    public static double maxRelativeError(InMemoryTrace trace, InMemoryTrace reference) {
        int[] cols = stateColumns(trace, reference);
        requireSameRows(trace, reference);
        double max = 0;
        for (int r = 0; r < trace.rows().size(); r++) {
            double[] y = trace.rows().get(r);
            double[] ref = reference.rows().get(r);
            for (int c : cols) {
                if (ref[c] != 0) {
                    max = Math.max(max, Math.abs(y[c] - ref[c]) / Math.abs(ref[c]));
                }
            }
        }
        return max;
    }

    private static int[] stateColumns(InMemoryTrace trace, InMemoryTrace reference) {
        if (!trace.columns().equals(reference.columns())) {
            throw new IllegalArgumentException("traces have different columns");
        }
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < trace.columns().size(); i++) {
            if (isStateColumn(trace.columns().get(i))) {
                cols.add(i);
            }
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void requireSameRows(InMemoryTrace trace, InMemoryTrace reference) {
        if (trace.rows().size() != reference.rows().size()) {
            throw new IllegalArgumentException("traces have " + trace.rows().size() + " and "
                    + reference.rows().size() + " rows");
        }
    }

    /**
     * One action potential.
     *
     * @param timeS  upward 0 mV crossing, linearly interpolated between rows, s
     * @param peakMv largest V before the next downward crossing, refined by a parabola through the three rows
     *               around the largest row, mV
     */
    public record Spike(double timeS, double peakMv) {
    }

    /** @return the spikes of a potential column: upward crossings of 0 mV and the peak that follows each */
    public static List<Spike> spikes(double[] timeS, double[] vMv) {
        List<Spike> spikes = new ArrayList<>();
        for (int i = 1; i < vMv.length; i++) {
            if (vMv[i - 1] < 0 && vMv[i] >= 0) {
                double t = timeS[i - 1] + (timeS[i] - timeS[i - 1]) * (-vMv[i - 1]) / (vMv[i] - vMv[i - 1]);
                int top = i;
                int j = i;
                while (j < vMv.length && vMv[j] >= 0) {
                    if (vMv[j] > vMv[top]) {
                        top = j;
                    }
                    j++;
                }
                spikes.add(new Spike(t, parabolicPeak(vMv, top)));
                i = j;
            }
        }
        return spikes;
    }

    private static double parabolicPeak(double[] v, int k) {
        if (k == 0 || k == v.length - 1) {
            return v[k];
        }
        double a = v[k - 1];
        double b = v[k];
        double c = v[k + 1];
        double denominator = a - 2 * b + c;
        return denominator == 0 ? b : b - (a - c) * (a - c) / (8 * denominator);
    }
}
