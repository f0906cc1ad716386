package org.ionflux.internal.workflow.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ionflux.internal.output.CsvTraceWriter;
import org.ionflux.internal.scenario.SweepDefinition;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a sweep (docs/commands.md "sweep"): one PNG per metric and parameter, {@code
 * <stat>_<column>_vs_<path>.png} (characters other than letters, digits, {@code .}, {@code _} and {@code -} become
 * {@code _}), the metric of every completed variant against the parameter's value, with a logarithmic axis for a
 * log range. A grid of several parameters gets one line per combination of the other parameters when there are at
 * most {@link #MAX_LINES}; other sweeps are drawn as points. Drawn from {@code sweep.csv}, evenly thinned to at most
 * {@link #MAX_POINTS} variants, so memory does not grow with the sweep.
 */
final class SweepPlots {

    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    /** Most variants drawn; a larger sweep is thinned to every k-th variant. */
    static final int MAX_POINTS = 20_000;
    /** Most lines in one plot (a grid's combinations of the other parameters). */
    static final int MAX_LINES = 10;
    /** Most points of a line drawn with a marker each. */
    static final int MAX_MARKED_POINTS = 200;

    private SweepPlots() {
    }

    /** @return the file name of the plot of {@code metric} against {@code parameter} */
    static String fileName(SweepDefinition.Metric metric, SweepDefinition.Parameter parameter) {
        String name = metric.stat().key() + "_" + metric.column() + "_vs_" + parameter.path();
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }

    /**
     * Draws every plot from {@code dir/sweep.csv}.
     *
     * @param variants the number of variants of the sweep (for the thinning stride)
     * @param threads  plots drawn at once
     * @return the files written
     */
    static List<Path> write(Path dir, SweepDefinition sweep, int variants, int threads) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int parameters = sweep.parameters().size();
        int metrics = sweep.metrics().size();
        long stride = Math.max(1, (variants + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> rows = new ArrayList<>(); // parameters, then metrics (NaN: no value)
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(SweepOutput.CSV), StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            long k = 0;
            while ((line = in.readLine()) != null) {
                if (k++ % stride != 0) {
                    continue;
                }
                List<String> cells = SweepCsv.split(line);
                if (cells == null || cells.size() != parameters + metrics + 3
                        || !"completed".equals(cells.get(cells.size() - 2))) {
                    continue;
                }
                double[] row = new double[parameters + metrics];
                for (int i = 0; i < row.length; i++) {
                    String cell = cells.get(1 + i);
                    row[i] = cell.isEmpty() ? Double.NaN : CsvTraceWriter.parse(cell);
                }
                rows.add(row);
            }
        }
        List<Path> files = new ArrayList<>();
        List<Callable<Void>> draws = new ArrayList<>();
        for (int m = 0; m < metrics; m++) {
            for (int p = 0; p < parameters; p++) {
                Path file = dir.resolve(fileName(sweep.metrics().get(m), sweep.parameters().get(p)));
                int mm = m;
                int pp = p;
                draws.add(() -> {
                    BitmapEncoder.saveBitmap(chart(sweep, rows, mm, pp), file.toString(),
                            BitmapEncoder.BitmapFormat.PNG);
                    return null;
                });
                files.add(file);
            }
        }
        // a plot takes about 0.1 s to draw and encode: as many at once as the sweep has threads
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, draws.size())), r -> {
            Thread t = new Thread(r, "ionflux-sweep-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Void> f : pool.invokeAll(draws)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the plots", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("drawing a plot failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return files;
    }

    private static XYChart chart(SweepDefinition sweep, List<double[]> rows, int m, int p) {
        SweepDefinition.Metric metric = sweep.metrics().get(m);
        SweepDefinition.Parameter parameter = sweep.parameters().get(p);
        int parameters = sweep.parameters().size();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(sweep.name() + ": " + metric.header() + " against " + parameter.path())
                .xAxisTitle(parameter.header()).yAxisTitle(metric.header()).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        boolean log = parameter.scale() == SweepDefinition.Scale.LOG;
        // group the variants by the values of the other parameters: one line each, for a small grid
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        boolean lines = sweep.combine().kind() != SweepDefinition.CombineKind.LATIN_HYPERCUBE;
        for (double[] row : rows) {
            double x = row[p];
            double y = row[parameters + m];
            if (!Double.isFinite(x) || !Double.isFinite(y) || log && !(x > 0)) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            if (sweep.combine().kind() == SweepDefinition.CombineKind.GRID) {
                for (int q = 0; q < parameters; q++) {
                    if (q != p) {
                        key.append(key.length() == 0 ? "" : ", ").append(sweep.parameters().get(q).path())
                                .append(" = ").append(String.format(Locale.ROOT, "%.4g", row[q]));
                    }
                }
            }
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(new double[] {x, y});
            if (groups.size() > MAX_LINES) {
                lines = false;
            }
        }
        if (!lines) {
            List<double[]> all = new ArrayList<>();
            groups.values().forEach(all::addAll);
            groups.clear();
            groups.put("", all);
        }
        if (log && groups.values().stream().anyMatch(g -> !g.isEmpty())) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        int added = 0;
        for (Map.Entry<String, List<double[]>> group : groups.entrySet()) {
            List<double[]> points = group.getValue();
            if (points.isEmpty()) {
                continue;
            }
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] xs = points.stream().mapToDouble(a -> a[0]).toArray();
            double[] ys = points.stream().mapToDouble(a -> a[1]).toArray();
            String label = group.getKey().isEmpty() ? metric.header() : group.getKey();
            XYSeries series = chart.addSeries(label, xs, ys);
            // a marker per point shows where the variants are; past a few hundred the line shows it alone
            series.setMarker(!lines || xs.length <= MAX_MARKED_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (!lines) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            added++;
        }
        if (added == 0) {
            chart.setTitle(chart.getTitle() + " (no completed variant with a value)");
            chart.addSeries("none", new double[] {log ? 1 : 0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendVisible(lines && added > 1);
        chart.getStyler().setMarkerSize(lines ? 6 : 3);
        return chart;
    }
}
