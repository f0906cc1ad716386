package org.ionflux.internal.output.plot;

import java.awt.Color;
import java.util.List;

/**
 * Colours and line styles. Ions take the Okabe-Ito colours (Okabe & Ito 2008, "Color Universal Design"), safe
 * for the common colour-vision deficiencies, without its yellow (too pale on white) and black; the same ion has
 * the same colour in every plot. Past the six colours, the colours repeat with another dash pattern. Quantities
 * that belong to no ion are black: {@code V} solid and thick, {@code I_leak} dotted, {@code I_pump} dashed,
 * {@code I_stim} dash-dotted; an {@code E_X} is dashed in its ion's colour.
 */
public final class Palette {

    /** Okabe-Ito blue, vermillion, bluish green, reddish purple, orange, sky blue. */
    public static final List<Color> ION_COLOURS = List.of(new Color(0x0072B2), new Color(0xD55E00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9));
    /** Colour of the quantities that belong to no ion. */
    public static final Color NEUTRAL = Color.BLACK;
    /** Dash patterns, px: solid, dashed, dotted, dash-dotted, long dash. */
    static final List<float[]> DASHES = List.of(new float[0], new float[] {7, 4}, new float[] {1.5f, 3},
            new float[] {8, 3, 1.5f, 3}, new float[] {14, 4});
    static final float LINE_WIDTH = 1.6f;
    static final float V_WIDTH = 2.2f;

    private Palette() {
    }

    /** @return the style of the k-th ion's concentration or current (k from 0, in model order) */
    public static Style ion(int k) {
        int cycle = k / ION_COLOURS.size();
        return new Style(ION_COLOURS.get(k % ION_COLOURS.size()), LINE_WIDTH, DASHES.get(cycle % DASHES.size()));
    }

    /** @return the style of the k-th ion's equilibrium potential: its colour, dashed */
    public static Style nernst(int k) {
        int cycle = k / ION_COLOURS.size();
        return new Style(ION_COLOURS.get(k % ION_COLOURS.size()), LINE_WIDTH,
                DASHES.get(1 + cycle % (DASHES.size() - 1)));
    }

    /** @return the style of a membrane potential */
    public static Style potential() {
        return new Style(NEUTRAL, V_WIDTH, DASHES.get(0));
    }

    /** @return the style of the non-specific leak current */
    public static Style leak() {
        return new Style(NEUTRAL, LINE_WIDTH, DASHES.get(2));
    }

    /** @return the style of the pump current */
    public static Style pump() {
        return new Style(NEUTRAL, LINE_WIDTH, DASHES.get(1));
    }

    /** @return the style of the stimulus current */
    public static Style stimulus() {
        return new Style(NEUTRAL, LINE_WIDTH, DASHES.get(3));
    }

    /** @return the style of a series that is neither an ion's nor one of the above */
    public static Style other(int k) {
        return new Style(NEUTRAL, LINE_WIDTH, DASHES.get(k % DASHES.size()));
    }
}
