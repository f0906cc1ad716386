package org.ionflux.internal.output.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG markup, for inline use in HTML: no XML declaration, no namespace attribute
 * (the HTML parser puts inline {@code <svg>} in the SVG namespace), no external reference. Coordinates have one
 * decimal; texts are escaped.
 */
final class SvgCanvas implements Canvas {

    /** Font families, in the order a browser should try them: DejaVu Sans is what the layout measured. */
    static final String FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

    private final StringBuilder out;
    private final String idPrefix;
    private int clips;
    private boolean clipped;

    /**
     * Starts the document.
     *
     * @param idPrefix prefix of the element ids (clip paths), unique within the page that holds several SVGs
     * @param title    accessible title of the image
     */
    SvgCanvas(double width, double height, String idPrefix, String title) {
        this.idPrefix = idPrefix;
        this.out = new StringBuilder(1 << 16);
        out.append("<svg class=\"plot\" viewBox=\"0 0 ");
        num(width).append(' ');
        num(height).append("\" width=\"");
        num(width).append("\" height=\"");
        num(height).append("\" role=\"img\" aria-labelledby=\"").append(idPrefix).append("-title\" font-family=\"")
                .append(FONT_FAMILY).append("\">\n<title id=\"").append(idPrefix).append("-title\">");
        escape(title).append("</title>\n");
    }

    /** @return the finished document */
    String finish() {
        unclip();
        return out.append("</svg>\n").toString();
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color color) {
        rect(x, y, w, h).append(" fill=\"").append(hex(color)).append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color color, float width) {
        rect(x, y, w, h).append(" fill=\"none\" stroke=\"").append(hex(color)).append("\" stroke-width=\"");
        num(width).append("\"/>\n");
    }

    private StringBuilder rect(double x, double y, double w, double h) {
        out.append("<rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        return num(h).append('"');
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, float width) {
        out.append("<line x1=\"");
        num(x1).append("\" y1=\"");
        num(y1).append("\" x2=\"");
        num(x2).append("\" y2=\"");
        num(y2).append("\" stroke=\"").append(hex(color)).append("\" stroke-width=\"");
        num(width).append("\"/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Style style) {
        if (n < 2) {
            return;
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(hex(style.color())).append("\" stroke-width=\"");
        num(style.width()).append("\" stroke-linejoin=\"round\"");
        if (!style.solid()) {
            out.append(" stroke-dasharray=\"");
            float[] dash = style.dash();
            for (int i = 0; i < dash.length; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                num(dash[i]);
            }
            out.append('"');
        }
        out.append(" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            num(xs[i]).append(',');
            num(ys[i]);
        }
        out.append("\"/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextRole role, Color color, Anchor anchor, boolean vertical) {
        out.append("<text x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" font-size=\"").append(role.size()).append('"');
        if (role.bold()) {
            out.append(" font-weight=\"bold\"");
        }
        if (anchor != Anchor.START) {
            out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (!Color.BLACK.equals(color)) {
            out.append(" fill=\"").append(hex(color)).append('"');
        }
        if (vertical) {
            out.append(" transform=\"rotate(-90 ");
            num(x).append(' ');
            num(y).append(")\"");
        }
        out.append('>');
        escape(text).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = idPrefix + "-clip" + clips++;
        out.append("<clipPath id=\"").append(id).append("\">");
        rect(x, y, w, h).append("/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            out.append("</g>\n");
            clipped = false;
        }
    }

    /** Appends {@code v} with at most one decimal, without {@link String#format} (plots have many points). */
    private StringBuilder num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        long frac = tenths % 10;
        if (frac != 0) {
            out.append('.').append(frac);
        }
        return out;
    }

    private StringBuilder escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
