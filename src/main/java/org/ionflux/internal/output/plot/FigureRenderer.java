package org.ionflux.internal.output.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Figure} out (panels stacked on one time axis, their plot areas aligned, a legend to the right of
 * each) and draws it on a {@link Canvas}: to a PNG image or to SVG markup, from the same layout. Ticks come from
 * {@link Ticks}, measured with the fonts of {@link TextRole}. Lines are thinned to at most four points per pixel
 * column (first, lowest, highest, last: the drawn line is the same), so a spike between rows is never lost.
 */
public final class FigureRenderer {

    /** Width of every figure, px. */
    public static final int WIDTH = 1000;
    /** Height of the plot area of a figure with one panel, px. */
    static final int PLOT_HEIGHT_SINGLE = 300;
    /** Height of each plot area of a figure with several panels, px. */
    static final int PLOT_HEIGHT_STACKED = 220;
    static final int PAD = 14;
    static final int TICK_LENGTH = 5;
    /** Least distance between ticks, px: along x, along y. */
    static final double X_MIN_SPACING = 55;
    static final double Y_MIN_SPACING = 26;
    /** Least empty space between two tick labels, px: along x, along y. */
    public static final double X_LABEL_GAP = 12;
    public static final double Y_LABEL_GAP = 6;
    static final double LEGEND_GAP = 36;
    static final double LEGEND_ROW = 19;
    static final double LEGEND_SAMPLE = 30;
    static final double LEGEND_MAX_LABEL = 210;
    /** Fraction of the data range left free above and below the lines of a linear axis. */
    static final double Y_MARGIN = 0.03;
    /** Most an axis may grow (as a factor of its span) to end on ticks. */
    static final double MAX_EXTENSION = 1.2;
    /** A range narrower than this fraction of its magnitude is drawn as flat. */
    static final double MIN_RELATIVE_SPAN = 1e-6;

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color GRID = new Color(0xE6E6E6);
    static final Color FRAME = new Color(0x444444);
    static final Color ZERO = new Color(0x9A9A9A);

    private FigureRenderer() {
    }

    /**
     * Where everything goes.
     *
     * @param height    image height, px
     * @param left      left edge of every plot area, px
     * @param plotWidth width of every plot area, px
     * @param xAxis     the time axis
     * @param panels    the panels' places and y axes
     * @param titleY    baseline of the figure's title, px
     */
    public record Layout(double height, double left, double plotWidth, Ticks.Axis xAxis, List<PanelLayout> panels,
                         double titleY) {
    }

    /**
     * One panel's place.
     *
     * @param panel      the panel
     * @param titleY     baseline of its title, px
     * @param top        top of its plot area, px
     * @param plotHeight height of its plot area, px
     * @param yAxis      its y axis, or null when it has no finite value to show
     * @param legendColumns columns of its legend
     */
    public record PanelLayout(Panel panel, double titleY, double top, double plotHeight, Ticks.Axis yAxis,
                              int legendColumns) {
    }

    /** @return the layout of {@code figure} */
    public static Layout layout(Figure figure) {
        double titleY = PAD + TextRole.TITLE.ascent();
        double y = PAD + TextRole.TITLE.height() + 10;
        int n = figure.panels().size();
        double baseHeight = n <= 1 ? PLOT_HEIGHT_SINGLE : PLOT_HEIGHT_STACKED;
        Ticks.Extent yExtent = label -> TextRole.TICK.height();
        Ticks.Extent xExtent = TextRole.TICK::width;
        List<Ticks.Axis> yAxes = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        double widestYLabel = 0;
        double legendWidth = 0;
        List<Integer> legendColumns = new ArrayList<>();
        for (Panel panel : figure.panels()) {
            // a legend longer than the panel takes two columns, and the panel grows to hold it
            int entries = panel.series().size();
            int columns = entries > rowsFitting(baseHeight) ? 2 : 1;
            int rows = (entries + columns - 1) / columns;
            double plotHeight = Math.max(baseHeight, rows * LEGEND_ROW + 8);
            heights.add(plotHeight);
            legendColumns.add(columns);
            Ticks.Axis axis = yAxis(panel, plotHeight, yExtent);
            yAxes.add(axis);
            if (axis != null) {
                for (String label : axis.labels()) {
                    widestYLabel = Math.max(widestYLabel, TextRole.TICK.width(label));
                }
            }
            legendWidth = Math.max(legendWidth, columns * legendColumnWidth(panel) - 14);
        }
        double left = PAD + TextRole.AXIS_TITLE.height() + 10 + widestYLabel + 5 + TICK_LENGTH;
        double plotWidth = WIDTH - left - PAD - (legendWidth > 0 ? LEGEND_GAP + legendWidth : 20);
        double xLo = figure.xLo();
        double xHi = figure.xHi() > figure.xLo() ? figure.xHi() : figure.xLo() + 1;
        Ticks.Axis xAxis = Ticks.linear(xLo, xHi, plotWidth, X_MIN_SPACING, xExtent, X_LABEL_GAP, false);
        List<PanelLayout> panels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double panelTitleY = y + TextRole.PANEL_TITLE.ascent();
            double top = y + TextRole.PANEL_TITLE.height() + 8;
            double plotHeight = heights.get(i);
            panels.add(new PanelLayout(figure.panels().get(i), panelTitleY, top, plotHeight, yAxes.get(i),
                    legendColumns.get(i)));
            y = top + plotHeight + TICK_LENGTH + 4 + TextRole.TICK.height() + 6 + TextRole.AXIS_TITLE.height() + 16;
        }
        if (n == 0) {
            y += 120;
        }
        return new Layout(Math.ceil(y + PAD - 10), left, plotWidth, xAxis, List.copyOf(panels), titleY);
    }

    /** @return the y axis of a panel, or null when it has no value to show */
    static Ticks.Axis yAxis(Panel panel, double plotHeight, Ticks.Extent extent) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            for (double v : s.y()) {
                if (Double.isFinite(v) && (!panel.log() || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return null;
        }
        if (panel.log()) {
            return Ticks.log(lo, hi, plotHeight, extent, Y_LABEL_GAP);
        }
        // values near the double's limit (a run gone wild): keep every span and margin finite
        lo = Math.max(lo, -Double.MAX_VALUE / 8);
        hi = Math.min(hi, Double.MAX_VALUE / 8);
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        if (hi - lo <= MIN_RELATIVE_SPAN * magnitude || hi == lo) {
            // flat: centre the line in a range of +-5% of its value (or +-1 around 0)
            double half = magnitude == 0 ? 1 : 0.05 * magnitude;
            double mid = (lo + hi) / 2;
            lo = mid - half;
            hi = mid + half;
        } else {
            // a margin, but never across zero: a concentration axis starts at 0, not at -50
            double margin = Y_MARGIN * (hi - lo);
            lo = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
            hi = hi <= 0 ? Math.min(0, hi + margin) : hi + margin;
        }
        // end the axis on ticks unless that wastes much of it (-150..100 for data in -95..71): then tick inside
        Ticks.Axis extended = Ticks.linear(lo, hi, plotHeight, Y_MIN_SPACING, extent, Y_LABEL_GAP, true);
        if (extended.hi() - extended.lo() <= MAX_EXTENSION * (hi - lo)) {
            return extended;
        }
        return Ticks.linear(lo, hi, plotHeight, Y_MIN_SPACING, extent, Y_LABEL_GAP, false);
    }

    /** Draws and encodes a tiny figure: loads the fonts, Java2D's loops and the PNG encoder. */
    public static void warmUp() {
        double[] x = {0, 1, 2};
        Panel panel = new Panel("warm-up", "y (1)", false, List.of(new Series("a", x, new double[] {0, 1, 0},
                Palette.ion(0)), new Series("b", x, new double[] {1, 0, 1}, Palette.nernst(1))), "", true);
        try {
            PngWriter.encode(png(new Figure("warm-up", "t (s)", 0, 2, List.of(panel), "")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the figure drawn on a new RGB image */
    public static BufferedImage png(Figure figure) {
        Layout layout = layout(figure);
        BufferedImage image = new BufferedImage(WIDTH, (int) layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(figure, layout, new Java2dCanvas(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * @param idPrefix prefix of the SVG's element ids, unique in the page
     * @return the figure as an SVG element, for inline use in HTML
     */
    public static String svg(Figure figure, String idPrefix) {
        Layout layout = layout(figure);
        SvgCanvas canvas = new SvgCanvas(WIDTH, layout.height(), idPrefix, figure.title());
        draw(figure, layout, canvas);
        return canvas.finish();
    }

    static void draw(Figure figure, Layout layout, Canvas c) {
        c.fillRect(0, 0, WIDTH, layout.height(), Color.WHITE);
        c.text(figure.title(), PAD, layout.titleY(), TextRole.TITLE, TEXT, Canvas.Anchor.START, false);
        if (layout.panels().isEmpty()) {
            double top = layout.titleY() + 20;
            c.strokeRect(layout.left(), top, layout.plotWidth(), 90, GRID, 1);
            c.text(figure.empty(), layout.left() + layout.plotWidth() / 2, top + 50, TextRole.NOTE, MUTED,
                    Canvas.Anchor.MIDDLE, false);
            return;
        }
        for (PanelLayout p : layout.panels()) {
            drawPanel(figure, layout, p, c);
        }
    }

    private static void drawPanel(Figure figure, Layout layout, PanelLayout p, Canvas c) {
        Panel panel = p.panel();
        double left = layout.left();
        double width = layout.plotWidth();
        double top = p.top();
        double height = p.plotHeight();
        double bottom = top + height;
        c.text(panel.title(), left, p.titleY(), TextRole.PANEL_TITLE, TEXT, Canvas.Anchor.START, false);
        if (!panel.note().isEmpty()) {
            c.text(panel.note(), left + TextRole.PANEL_TITLE.width(panel.title()) + 12, p.titleY(), TextRole.NOTE,
                    MUTED, Canvas.Anchor.START, false);
        }
        Ticks.Axis x = layout.xAxis();
        Ticks.Axis y = p.yAxis();
        // grid
        for (double v : x.values()) {
            double px = left + x.fraction(v) * width;
            c.line(px, top, px, bottom, GRID, 1);
        }
        if (y != null) {
            for (double v : y.values()) {
                double py = bottom - y.fraction(v) * height;
                c.line(left, py, left + width, py, GRID, 1);
            }
            if (panel.zeroLine() && !y.log() && y.lo() < 0 && y.hi() > 0) {
                double py = bottom - y.fraction(0) * height;
                c.line(left, py, left + width, py, ZERO, 1);
            }
        }
        // lines
        if (y != null) {
            c.clip(left, top, width, height);
            double[] xs = new double[0];
            double[] ys = new double[0];
            for (Series s : panel.series()) {
                int n = s.x().length;
                if (xs.length < 4 * n) {
                    xs = new double[4 * n];
                    ys = new double[4 * n];
                }
                drawSeries(s, x, y, left, width, bottom, height, xs, ys, c);
            }
            c.unclip();
        } else {
            c.text(panel.series().isEmpty() ? "nothing to plot" : "no finite value to plot", left + width / 2,
                    top + height / 2, TextRole.NOTE, MUTED, Canvas.Anchor.MIDDLE, false);
        }
        c.strokeRect(left, top, width, height, FRAME, 1);
        // x ticks and labels
        double labelY = bottom + TICK_LENGTH + 4 + TextRole.TICK.ascent();
        for (int i = 0; i < x.values().length; i++) {
            double px = left + x.fraction(x.values()[i]) * width;
            c.line(px, bottom, px, bottom + TICK_LENGTH, FRAME, 1);
            c.text(x.labels()[i], px, labelY, TextRole.TICK, TEXT, Canvas.Anchor.MIDDLE, false);
        }
        c.text(figure.xTitle(), left + width / 2, labelY + TextRole.TICK.height() - TextRole.TICK.ascent() + 6
                + TextRole.AXIS_TITLE.ascent(), TextRole.AXIS_TITLE, TEXT, Canvas.Anchor.MIDDLE, false);
        // y ticks and labels
        if (y != null) {
            double shift = TextRole.TICK.ascent() - TextRole.TICK.height() / 2;
            for (int i = 0; i < y.values().length; i++) {
                double py = bottom - y.fraction(y.values()[i]) * height;
                c.line(left - TICK_LENGTH, py, left, py, FRAME, 1);
                c.text(y.labels()[i], left - TICK_LENGTH - 4, py + shift, TextRole.TICK, TEXT, Canvas.Anchor.END,
                        false);
            }
            for (double v : y.minor()) {
                double py = bottom - y.fraction(v) * height;
                c.line(left - TICK_LENGTH / 2.0, py, left, py, FRAME, 1);
            }
        }
        c.text(panel.yTitle(), PAD + TextRole.AXIS_TITLE.ascent(), top + height / 2, TextRole.AXIS_TITLE, TEXT,
                Canvas.Anchor.MIDDLE, true);
        drawLegend(panel, p, left + width + LEGEND_GAP, top, c);
    }

    private static void drawSeries(Series s, Ticks.Axis x, Ticks.Axis y, double left, double width, double bottom,
                                   double height, double[] xs, double[] ys, Canvas c) {
        double[] tx = s.x();
        double[] ty = s.y();
        int n = 0;
        // M4 thinning: per pixel column keep the first, lowest, highest and last point, in their order
        long column = Long.MIN_VALUE;
        int first = -1;
        int low = -1;
        int high = -1;
        int last = -1;
        double[] px = new double[tx.length];
        double[] py = new double[tx.length];
        for (int i = 0; i <= tx.length; i++) {
            boolean valid = i < tx.length && Double.isFinite(ty[i]) && Double.isFinite(tx[i])
                    && (!y.log() || ty[i] > 0);
            long col = Long.MIN_VALUE;
            if (valid) {
                px[i] = left + x.fraction(tx[i]) * width;
                py[i] = bottom - y.fraction(ty[i]) * height;
                col = (long) Math.floor(px[i]);
            }
            if (first >= 0 && (!valid || col != column)) {
                n = emit(first, low, high, last, px, py, xs, ys, n);
                first = -1;
            }
            if (!valid) {
                c.polyline(xs, ys, n, s.style());
                n = 0;
                continue;
            }
            if (first < 0) {
                column = col;
                first = i;
                low = i;
                high = i;
            }
            if (py[i] > py[low]) {
                low = i;
            }
            if (py[i] < py[high]) {
                high = i;
            }
            last = i;
        }
        c.polyline(xs, ys, n, s.style());
    }

    /** Appends the distinct indices among first, low, high, last in increasing order. */
    private static int emit(int first, int low, int high, int last, double[] px, double[] py, double[] xs,
                            double[] ys, int n) {
        int a = Math.min(low, high);
        int b = Math.max(low, high);
        int[] order = {first, a, b, last};
        int previous = -1;
        for (int idx : order) {
            if (idx != previous) {
                xs[n] = px[idx];
                ys[n] = py[idx];
                n++;
                previous = idx;
            }
        }
        return n;
    }

    private static void drawLegend(Panel panel, PanelLayout p, double x0, double top, Canvas c) {
        List<Series> series = panel.series();
        int rows = (series.size() + p.legendColumns() - 1) / p.legendColumns();
        double columnWidth = legendColumnWidth(panel);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double x = x0 + (i / rows) * columnWidth;
            double rowY = top + 4 + (i % rows) * LEGEND_ROW + LEGEND_ROW / 2;
            c.polyline(new double[] {x, x + LEGEND_SAMPLE}, new double[] {rowY, rowY}, 2, s.style());
            c.text(fit(s.label()), x + LEGEND_SAMPLE + 6, rowY + TextRole.LEGEND.ascent()
                    - TextRole.LEGEND.height() / 2, TextRole.LEGEND, TEXT, Canvas.Anchor.START, false);
        }
    }

    /** @return legend rows that fit beside a plot area of this height */
    static int rowsFitting(double plotHeight) {
        return Math.max(1, (int) Math.floor((plotHeight - 8) / LEGEND_ROW));
    }

    /** @return the width of one legend column of the panel, with the space after it, px */
    static double legendColumnWidth(Panel panel) {
        double widest = 0;
        for (Series s : panel.series()) {
            widest = Math.max(widest, Math.min(LEGEND_MAX_LABEL, TextRole.LEGEND.width(s.label())));
        }
        return LEGEND_SAMPLE + 6 + widest + 14;
    }

    /** @return the label, cut with an ellipsis to fit the legend */
    static String fit(String label) {
        if (TextRole.LEGEND.width(label) <= LEGEND_MAX_LABEL) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && TextRole.LEGEND.width(cut + "\u2026") > LEGEND_MAX_LABEL) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }
}
