package org.ionflux.internal.output.plot;

/**
 * One line of a panel: y over x, in the panel's display units.
 *
 * @param label  legend text; an empty label keeps the series out of the legend
 * @param x      abscissae, increasing (time in the figure's time unit, or a parameter's values)
 * @param y      ordinates; a non-finite value (or one <= 0 on a log axis) breaks the line
 * @param style  how it is drawn
 * @param line   true to join the points by a line
 * @param points true to mark every point with a dot in the line's colour
 */
public record Series(String label, double[] x, double[] y, Style style, boolean line, boolean points) {

    /** A line without dots. */
    public Series(String label, double[] x, double[] y, Style style) {
        this(label, x, y, style, true, false);
    }
}
