package org.ionflux.internal.output;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code check.png} (WORKFLOWS.md section 2): the worst column of a failed check, the run and the reference
 * overlaid, and below it the difference {@code run - reference} between the allowed band
 * {@code +-(atol + rtol |ref|)}, the worst value marked in both. Infinite and undefined values are left out of
 * the lines.
 */
public final class CheckPlot {

    static final int WIDTH = 1000;
    static final int PANEL_HEIGHT = 420;

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
        System.setProperty("java.awt.headless", "true");
        XYChart values = chart(scenario + ": " + column + ", run and reference", column);
        add(values, "run", time, run, Color.RED, false);
        add(values, "reference", time, reference, Color.BLUE, true);
        XYChart difference = chart(scenario + ": " + column + ", run - reference, and the allowed difference",
                "difference");
        double[] diff = new double[time.length];
        double[] upper = new double[time.length];
        double[] lower = new double[time.length];
        for (int i = 0; i < time.length; i++) {
            diff[i] = run[i] - reference[i];
            upper[i] = allowed[i];
            lower[i] = -allowed[i];
        }
        add(difference, "run - reference", time, diff, Color.RED, false);
        add(difference, "+ allowed", time, upper, Color.GRAY, true);
        add(difference, "- allowed", time, lower, Color.GRAY, true);
        if (worst >= 0 && worst < time.length) {
            marker(values, "worst (run)", time[worst], run[worst]);
            marker(difference, "worst", time[worst], diff[worst]);
        }
        BufferedImage top = BitmapEncoder.getBufferedImage(values);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(difference);
        BufferedImage stacked = new BufferedImage(Math.max(top.getWidth(), bottom.getWidth()),
                top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, stacked.getWidth(), stacked.getHeight());
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, top.getHeight(), null);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(stacked, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("t (s)")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        return chart;
    }

    /** Adds a line; non-finite values are left out (the line joins the finite ones). */
    private static void add(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        int n = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                xs[k] = x[i];
                ys[k] = y[i];
                k++;
            }
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(dashed ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
    }

    private static void marker(XYChart chart, String name, double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        XYSeries series = chart.addSeries(name, new double[] {x}, new double[] {y});
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(Color.BLACK);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
}
