package org.ionflux.internal.output.plot;

/**
 * One line of a panel: y over x, in the panel's display units.
 *
 * @param label legend text
 * @param x     abscissae, increasing (time in the figure's time unit)
 * @param y     ordinates; a non-finite value (or one <= 0 on a log axis) breaks the line
 * @param style how it is drawn
 */
public record Series(String label, double[] x, double[] y, Style style) {
}
