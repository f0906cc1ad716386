package org.ionflux.internal.output.plot;

import java.awt.Color;

/**
 * How a series is drawn.
 *
 * @param color colour of the line
 * @param width line width, px
 * @param dash  dash pattern (on, off, ... px), empty for a solid line
 */
public record Style(Color color, float width, float[] dash) {

    /** Copies the pattern. */
    public Style {
        dash = dash.clone();
    }

    /** @return a copy of the dash pattern */
    @Override
    public float[] dash() {
        return dash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Style other && color.equals(other.color) && Float.compare(width, other.width) == 0
                && java.util.Arrays.equals(dash, other.dash);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(color, width, java.util.Arrays.hashCode(dash));
    }

    @Override
    public String toString() {
        return "Style[" + color + ", " + width + " px, dash " + java.util.Arrays.toString(dash) + "]";
    }

    /** @return true for a solid line */
    public boolean solid() {
        return dash.length == 0;
    }
}
