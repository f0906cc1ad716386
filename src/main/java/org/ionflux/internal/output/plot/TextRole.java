package org.ionflux.internal.output.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * The texts of a figure and their fonts (AWT's logical sans-serif, DejaVu Sans on Debian), with the metrics the
 * layout is computed from: the same for the PNG and the SVG, so that labels are placed where they fit.
 */
public enum TextRole {
    /** The figure's title. */
    TITLE(Font.BOLD, 16),
    /** A panel's title. */
    PANEL_TITLE(Font.BOLD, 13),
    /** A remark after a panel's title. */
    NOTE(Font.PLAIN, 12),
    /** An axis title. */
    AXIS_TITLE(Font.PLAIN, 13),
    /** A tick label. */
    TICK(Font.PLAIN, 12),
    /** A legend entry. */
    LEGEND(Font.PLAIN, 12);

    private final Font font;
    private final float ascent;
    private final float descent;

    TextRole(int style, int size) {
        this.font = new Font(Font.SANS_SERIF, style, size);
        LineMetrics m = font.getLineMetrics("0123456789Eg", Metrics.FRC);
        this.ascent = m.getAscent();
        this.descent = m.getDescent();
    }

    /** @return the AWT font */
    public Font font() {
        return font;
    }

    /** @return the font size, px */
    public int size() {
        return font.getSize();
    }

    /** @return true for bold text */
    public boolean bold() {
        return font.isBold();
    }

    /** @return the width of {@code text}, px */
    public double width(String text) {
        return font.getStringBounds(text, Metrics.FRC).getWidth();
    }

    /** @return the height of a line (ascent + descent), px */
    public double height() {
        return ascent + descent;
    }

    /** @return the ascent, px */
    public double ascent() {
        return ascent;
    }

    /** Holder of the render context (an enum's constructor cannot read its own static fields). */
    static final class Metrics {
        /** Antialiased text with fractional metrics, as {@link Java2dCanvas} draws it. */
        static final FontRenderContext FRC = new FontRenderContext(null, true, true);

        private Metrics() {
        }
    }
}
