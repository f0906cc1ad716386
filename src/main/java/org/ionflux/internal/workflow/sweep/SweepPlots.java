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
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.Palette;
import org.ionflux.internal.output.plot.Panel;
import org.ionflux.internal.output.plot.PngWriter;
import org.ionflux.internal.output.plot.RunFigures;
import org.ionflux.internal.output.plot.Series;
import org.ionflux.internal.scenario.SweepDefinition;

/**
 * The plots of a sweep (docs/commands.md "sweep"): one PNG per metric and parameter, {@code
 * <stat>_<column>_vs_<path>.png} (characters other than letters, digits, {@code .}, {@code _} and {@code -} become
 * {@code _}), the metric of every completed variant against the parameter's value, with a logarithmic x axis for a
 * log range of positive values and a logarithmic y axis for positive metrics spanning more than two decades. A grid
 * of several parameters gets one line per combination of the other parameters when there are at most
 * {@link #MAX_LINES}; other sweeps are drawn as dots. Drawn with the run plots' renderer
 * ({@link FigureRenderer}: its ticks, fonts and colours) from {@code sweep.csv}, evenly thinned to at most
 * {@link #MAX_POINTS} variants, so memory does not grow with the sweep.
 */
final class SweepPlots {

    /** Fraction of the parameter's span left free at each end of the x axis, so the end dots are whole. */
    static final double X_MARGIN = 0.03;
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
        int failed = 0;
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(SweepOutput.CSV), StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            long k = 0;
            while ((line = in.readLine()) != null) {
                if (k++ % stride != 0) {
                    continue;
                }
                List<String> cells = SweepCsv.split(line);
                if (cells == null || cells.size() != parameters + metrics + 3) {
                    continue;
                }
                if (!"completed".equals(cells.get(cells.size() - 2))) {
                    failed++;
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
        int failedRows = failed;
        List<Path> files = new ArrayList<>();
        List<Callable<Void>> draws = new ArrayList<>();
        for (int m = 0; m < metrics; m++) {
            for (int p = 0; p < parameters; p++) {
                Path file = dir.resolve(fileName(sweep.metrics().get(m), sweep.parameters().get(p)));
                int mm = m;
                int pp = p;
                draws.add(() -> {
                    PngWriter.write(FigureRenderer.png(figure(sweep, rows, failedRows, mm, pp, stride, variants)), file);
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

    /**
     * The figure of metric {@code m} against parameter {@code p}.
     *
     * @param rows     the completed variants drawn: parameter values, then metrics (NaN: no value)
     * @param failed   the failed variants among those read (not drawn)
     * @param stride   every how many variants one was drawn
     * @param variants the number of variants of the sweep
     */
    static Figure figure(SweepDefinition sweep, List<double[]> rows, int failed, int m, int p, long stride,
                         int variants) {
        SweepDefinition.Metric metric = sweep.metrics().get(m);
        SweepDefinition.Parameter parameter = sweep.parameters().get(p);
        int parameters = sweep.parameters().size();
        boolean grid = sweep.combine().kind() == SweepDefinition.CombineKind.GRID;
        // the variants with a value, grouped by the values of the other parameters (one line each, in a grid)
        Map<List<Double>, List<double[]>> groups = new LinkedHashMap<>();
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        int shown = 0;
        for (double[] row : rows) {
            double x = row[p];
            double y = row[parameters + m];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            List<Double> key = new ArrayList<>();
            if (grid) {
                for (int q = 0; q < parameters; q++) {
                    if (q != p) {
                        key.add(row[q]);
                    }
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {x, y});
            xLo = Math.min(xLo, x);
            xHi = Math.max(xHi, x);
            yLo = Math.min(yLo, y);
            yHi = Math.max(yHi, y);
            shown++;
        }
        boolean lines = sweep.combine().kind() != SweepDefinition.CombineKind.LATIN_HYPERCUBE
                && groups.size() <= MAX_LINES;
        if (!lines && groups.size() > 1) {
            List<double[]> all = new ArrayList<>();
            groups.values().forEach(all::addAll);
            groups.clear();
            groups.put(List.of(), all);
        }
        boolean xLog = parameter.scale() == SweepDefinition.Scale.LOG && xLo > 0;
        boolean yLog = yLo > 0 && yHi / yLo >= RunFigures.LOG_SPAN;
        List<Series> series = new ArrayList<>();
        int k = 0;
        for (Map.Entry<List<Double>, List<double[]>> group : groups.entrySet()) {
            List<double[]> points = group.getValue();
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] xs = points.stream().mapToDouble(a -> a[0]).toArray();
            double[] ys = points.stream().mapToDouble(a -> a[1]).toArray();
            String label = groups.size() > 1 ? legend(group.getKey()) : "";
            // a dot per variant shows where they are; past a few hundred on a line the line shows it alone
            series.add(new Series(label, xs, ys, Palette.ion(k++), lines, !lines || xs.length <= MAX_MARKED_POINTS));
        }
        String title = groups.size() > 1 ? "one line per value of " + others(sweep, p)
                : lines ? "" : "each dot is a variant";
        List<String> notes = new ArrayList<>();
        if (stride > 1) {
            notes.add("every " + ordinal(stride) + " of " + variants + " variants drawn");
        }
        if (failed > 0) {
            notes.add(failed + " failed" + (stride > 1 ? " among them" : "") + ", not drawn");
        }
        if (shown == 0 && !rows.isEmpty()) {
            notes.add("no completed variant has a value");
        } else if (shown < rows.size()) {
            notes.add((rows.size() - shown) + " completed without a value");
        }
        String yTitle = metric.header()
                + (metric.stat() == SweepDefinition.Stat.TIME_TO_EQUILIBRIUM ? " [s]" : "");
        Panel panel = new Panel(title, yTitle, yLog, series, String.join("; ", notes), false);
        double[] x = xRange(xLo, xHi, xLog, parameter);
        return new Figure(sweep.name() + ": " + metric.header() + " against " + parameter.path(), parameter.header(),
                x[0], x[1], List.of(panel), "", xLog);
    }

    /** @return the x axis' ends: the values' range with a margin (in the logarithm on a log axis) */
    static double[] xRange(double lo, double hi, boolean log, SweepDefinition.Parameter parameter) {
        if (!(lo <= hi)) {
            // nothing to draw: the parameter's own range, or 0..1
            double a = Double.isFinite(parameter.from()) ? Math.min(parameter.from(), parameter.to()) : 0;
            double b = Double.isFinite(parameter.from()) ? Math.max(parameter.from(), parameter.to()) : 1;
            return new double[] {a, b > a ? b : a + 1};
        }
        if (log) {
            // a single value: a tenth of a decade on either side
            double factor = hi > lo ? Math.pow(hi / lo, X_MARGIN) : Math.pow(10, 0.1);
            return new double[] {lo / factor, hi * factor};
        }
        if (hi > lo) {
            double margin = X_MARGIN * (hi - lo);
            return new double[] {lo - margin, hi + margin};
        }
        double half = lo == 0 ? 1 : 0.05 * Math.abs(lo);
        return new double[] {lo - half, lo + half};
    }

    /** @return the headers of the parameters other than {@code p}, joined */
    private static String others(SweepDefinition sweep, int p) {
        List<String> names = new ArrayList<>();
        for (int q = 0; q < sweep.parameters().size(); q++) {
            if (q != p) {
                names.add(sweep.parameters().get(q).header());
            }
        }
        return String.join(", ", names);
    }

    /** @return the legend of a line: the other parameters' values, joined */
    private static String legend(List<Double> values) {
        List<String> texts = new ArrayList<>();
        for (double v : values) {
            texts.add(number(v));
        }
        return String.join(", ", texts);
    }

    /** @return {@code v} with at most 4 significant digits and no trailing zeros: 1.414, 2.6, 1e-07 */
    static String number(double v) {
        String s = Double.toString(v);
        if (s.length() <= 6 && !s.contains("E")) {
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        String g = String.format(Locale.ROOT, "%.4g", v);
        String mantissa = g;
        String exponent = "";
        int e = g.indexOf('e');
        if (e >= 0) {
            mantissa = g.substring(0, e);
            exponent = g.substring(e);
        }
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    private static String ordinal(long n) {
        long tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd"
                : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }
}
