package org.ionflux.internal.output.plot;

import java.util.List;

/**
 * A figure: a title over panels stacked on one time axis. Pure data, drawn by {@link FigureRenderer} to PNG or
 * SVG.
 *
 * @param title  heading of the image
 * @param xTitle time axis title with its unit, e.g. {@code t (min)}
 * @param xLo    start of the time axis, in its unit
 * @param xHi    end of the time axis, in its unit
 * @param panels the panels, top to bottom
 * @param empty  the text shown when there is no panel at all
 */
public record Figure(String title, String xTitle, double xLo, double xHi, List<Panel> panels, String empty) {

    /** Copies the list. */
    public Figure {
        panels = List.copyOf(panels);
    }
}
