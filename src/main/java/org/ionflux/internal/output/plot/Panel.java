package org.ionflux.internal.output.plot;

import java.util.List;

/**
 * One chart of a figure: its own y axis, sharing the figure's time axis.
 *
 * @param title   heading above the chart
 * @param yTitle  y axis title with its unit, e.g. {@code c (mM)}
 * @param log     true for a logarithmic y axis
 * @param series  the lines, in legend order
 * @param note    a remark shown after the title (series not drawn, ...), or ""
 * @param zeroLine true to mark y = 0 (currents: outward above, inward below)
 */
public record Panel(String title, String yTitle, boolean log, List<Series> series, String note, boolean zeroLine) {

    /** Copies the list. */
    public Panel {
        series = List.copyOf(series);
    }
}
