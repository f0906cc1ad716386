package org.ionflux.internal.output.plot;

import java.awt.Color;

/** What {@link FigureRenderer} draws on: a PNG through Java2D ({@link Java2dCanvas}) or SVG text ({@link SvgCanvas}). */
interface Canvas {

    /** Where a text sits relative to its anchor point. */
    enum Anchor {
        /** The anchor is the text's start. */
        START,
        /** The anchor is the text's middle. */
        MIDDLE,
        /** The anchor is the text's end. */
        END
    }

    /** Fills a rectangle. */
    void fillRect(double x, double y, double w, double h, Color color);

    /** Outlines a rectangle. */
    void strokeRect(double x, double y, double w, double h, Color color, float width);

    /** Draws a solid straight line. */
    void line(double x1, double y1, double x2, double y2, Color color, float width);

    /** Draws a connected line through {@code n} points. */
    void polyline(double[] xs, double[] ys, int n, Style style);

    /**
     * Draws a text.
     *
     * @param x        anchor abscissa, px
     * @param y        baseline, px (for vertical text: the abscissa of the baseline)
     * @param vertical true to draw it rotated a quarter turn counter-clockwise, reading upward
     */
    void text(String text, double x, double y, TextRole role, Color color, Anchor anchor, boolean vertical);

    /** Restricts what follows to a rectangle, until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    /** Ends the restriction of {@link #clip}. */
    void unclip();
}
