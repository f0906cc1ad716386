package org.ionflux.internal.output;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ionflux.internal.output.TraceColumns;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a run (docs/commands.md): {@code potential.png} (each V with the E_X of its ions, dashed),
 * {@code concentrations.png} (one panel per compartment) and {@code currents.png}. Made with XChart from a
 * {@link ThinnedTrace}, never from the whole trace. Series with non-finite values (an infinite E_X) are left out.
 */
public final class Plots {

    static final int WIDTH = 1000;
    static final int PANEL_HEIGHT = 420;
    /** Most panels stacked in one image (a model with hundreds of compartments must not make a giant image). */
    static final int MAX_PANELS = 12;
    /** Most series drawn in one chart; the trace.csv has them all. */
    static final int MAX_SERIES = 40;

    private Plots() {
    }

    /** Writes the three PNG files into {@code dir}. */
    public static void write(Path dir, String scenarioName, ThinnedTrace trace) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<TraceColumns.Column> columns = trace.columns();
        List<double[]> rows = trace.rows();
        double[] time = column(rows, 0);

        XYChart potential = chart(scenarioName + ": membrane potential and equilibrium potentials", "V, E (mV)");
        for (int i = 0; i < columns.size(); i++) {
            TraceColumns.Column c = columns.get(i);
            if (c.kind() == TraceColumns.Kind.POTENTIAL) {
                addSeries(potential, c.name(), time, column(rows, i), false);
            } else if (c.kind() == TraceColumns.Kind.NERNST) {
                addSeries(potential, c.name(), time, column(rows, i), true);
            }
        }
        save(List.of(potential), dir.resolve("potential.png"));

        Map<String, XYChart> panels = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            TraceColumns.Column c = columns.get(i);
            if (c.kind() == TraceColumns.Kind.CONCENTRATION) {
                String compartment = c.name().substring(0, c.name().indexOf('.'));
                XYChart panel = panels.computeIfAbsent(compartment,
                        k -> chart(scenarioName + ": concentrations in " + k, "concentration (mM)"));
                addSeries(panel, c.name(), time, column(rows, i), false);
            }
        }
        // a panel whose every series is flat (a clamped bath) says nothing: keep it only if nothing else moves
        List<XYChart> moving = panels.values().stream().filter(Plots::anySeriesMoves).toList();
        List<XYChart> shown = moving.isEmpty() ? new ArrayList<>(panels.values()) : moving;
        save(shown.subList(0, Math.min(MAX_PANELS, shown.size())), dir.resolve("concentrations.png"));

        XYChart currents = chart(scenarioName + ": current densities (outward positive)", "I (uA/cm^2)");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == TraceColumns.Kind.CURRENT) {
                addSeries(currents, columns.get(i).name(), time, column(rows, i), false);
            }
        }
        save(List.of(currents), dir.resolve("currents.png"));
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("t (s)")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        return chart;
    }

    private static void addSeries(XYChart chart, String name, double[] x, double[] y, boolean dashed) {
        if (chart.getSeriesCollection().size() >= MAX_SERIES) {
            return;
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return;
            }
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        if (dashed) {
            series.setLineStyle(SeriesLines.DASH_DASH);
        }
    }

    private static boolean anySeriesMoves(XYChart chart) {
        for (XYSeries series : chart.getSeriesCollection()) {
            double[] y = series.getYData();
            for (double v : y) {
                if (v != y[0]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] column(List<double[]> rows, int index) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            values[r] = rows.get(r)[index];
        }
        return values;
    }

    private static void save(List<XYChart> charts, Path file) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (XYChart chart : charts) {
            if (chart.getSeriesCollection().isEmpty()) {
                chart.setTitle(chart.getTitle() + " (nothing to plot)");
                chart.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            }
            images.add(BitmapEncoder.getBufferedImage(chart));
        }
        if (images.isEmpty()) {
            XYChart empty = chart("nothing to plot", "");
            empty.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            images.add(BitmapEncoder.getBufferedImage(empty));
        }
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(WIDTH);
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, 0, y, null);
                y += image.getHeight();
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(stacked, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }
}
