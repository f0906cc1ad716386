package org.ionflux.internal.output;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.Palette;
import org.ionflux.internal.output.plot.Panel;
import org.ionflux.internal.output.plot.PngWriter;
import org.ionflux.internal.output.plot.Series;
import org.ionflux.internal.output.plot.Style;
import org.ionflux.internal.output.plot.TimeAxisUnit;

/**
 * {@code check.png}: the worst column of a failed check, the run and the reference overlaid, and below it the
 * difference {@code run - reference} between the allowed band {@code +-(atol + rtol |ref|)}; a vertical line
 * marks the time of the worst value in both panels. Infinite and undefined values break the lines. Drawn by the
 * same renderer as the run's plots (computed ticks, time unit chosen from the span).
 */
public final class CheckPlot {

    private static final Style RUN = new Style(Palette.ION_COLOURS.get(1), 1.6f, new float[0]);
    private static final Style REFERENCE = new Style(Palette.ION_COLOURS.get(0), 1.6f, new float[] {7, 4});
    private static final Style BAND = new Style(new Color(0x777777), 1.2f, new float[] {1.5f, 3});
    private static final Style WORST = new Style(Color.BLACK, 1.0f, new float[] {8, 3, 1.5f, 3});

    private CheckPlot() {
    }

    /**
     * Writes the plot.
     *
     * @param file      the PNG file
     * @param scenario  the scenario's name
     * @param column    the column's name (its unit is in the name)
     * @param time      output times, s
     * @param run       the run's values
     * @param reference the reference's values
     * @param allowed   {@code atol + rtol |ref|} at each time, in the column's unit
     * @param worst     index of the worst value in these arrays, or -1
     */
    public static void write(Path file, String scenario, String column, double[] time, double[] run,
                             double[] reference, double[] allowed, int worst) throws IOException {
        PngWriter.write(FigureRenderer.png(figure(scenario, column, time, run, reference, allowed, worst)), file);
    }

    /** @return the figure {@link #write} draws */
    static Figure figure(String scenario, String column, double[] time, double[] run, double[] reference,
                         double[] allowed, int worst) {
        double t0 = time.length == 0 ? 0 : time[0];
        double t1 = time.length == 0 ? 1 : time[time.length - 1];
        TimeAxisUnit unit = TimeAxisUnit.forSpan(t1 - t0);
        double[] x = new double[time.length];
        double[] diff = new double[time.length];
        double[] lower = new double[time.length];
        for (int i = 0; i < time.length; i++) {
            x[i] = unit.fromSeconds(time[i]);
            diff[i] = run[i] - reference[i];
            lower[i] = -allowed[i];
        }
        boolean marked = worst >= 0 && worst < time.length;
        String at = marked ? " (worst at t = " + CsvTraceWriter.format(time[worst]) + " s)" : "";
        List<Series> values = new ArrayList<>(List.of(new Series("run", x, run, RUN),
                new Series("reference", x, reference, REFERENCE)));
        List<Series> differences = new ArrayList<>(List.of(new Series("run - reference", x, diff, RUN),
                new Series("+ allowed", x, allowed, BAND), new Series("- allowed", x, lower, BAND)));
        if (marked) {
            values.add(worstLine(x[worst], run, reference));
            differences.add(worstLine(x[worst], diff, allowed, lower));
        }
        Panel top = new Panel(column + ", run and reference" + at, column, false, values, "", false);
        Panel bottom = new Panel("run - reference, and the allowed difference", "difference", false, differences,
                "", true);
        double hi = t1 > t0 ? unit.fromSeconds(t1) : unit.fromSeconds(t0) + 1;
        return new Figure(scenario + ": " + column, "t (" + unit.symbol() + ")", unit.fromSeconds(t0), hi,
                List.of(top, bottom), "nothing to plot: the trace has no rows");
    }

    /** A vertical line at {@code x} over the finite range of the given values. */
    private static Series worstLine(double x, double[]... ys) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] y : ys) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new Series("worst", new double[0], new double[0], WORST);
        }
        return new Series("worst", new double[] {x, x}, new double[] {lo, hi}, WORST);
    }
}
