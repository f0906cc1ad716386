package org.ionflux.internal.output.plot;

import java.util.List;

/**
 * A figure: a title over panels stacked on one x axis (time, for a run). Pure data, drawn by
 * {@link FigureRenderer} to PNG or SVG.
 *
 * @param title  heading of the image
 * @param xTitle x axis title with its unit, e.g. {@code t (min)}
 * @param xLo    start of the x axis, in its unit ({@code > 0} on a log axis)
 * @param xHi    end of the x axis, in its unit
 * @param panels the panels, top to bottom
 * @param empty  the text shown when there is no panel at all
 * @param xLog   true for a logarithmic x axis, kept to [xLo, xHi] with ticks inside ({@link Ticks#logWithin})
 */
public record Figure(String title, String xTitle, double xLo, double xHi, List<Panel> panels, String empty,
                     boolean xLog) {

    /** Copies the list. */
    public Figure {
        panels = List.copyOf(panels);
    }

    /** A figure on a linear x axis. */
    public Figure(String title, String xTitle, double xLo, double xHi, List<Panel> panels, String empty) {
        this(title, xTitle, xLo, xHi, panels, empty, false);
    }
}
