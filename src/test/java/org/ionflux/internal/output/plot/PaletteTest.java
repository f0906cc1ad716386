package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No two colours of the palette are near each other (CIE 1976 distance in L*a*b*), for normal vision and under
 * the three dichromacies simulated (Machado, Oliveira & Fernandes 2009, severity 1); past the palette's length,
 * series differ by their dashes.
 */
class PaletteTest {

    /** Least CIE76 distance between two colours of the palette (black included), normal vision. */
    static final double MIN_DELTA_E = 25;
    /** Least distance under a simulated dichromacy. */
    static final double MIN_DELTA_E_DICHROMAT = 15;

    private static final double[][] PROTAN = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}};
    private static final double[][] DEUTAN = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}};
    private static final double[][] TRITAN = {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
        {0.004733, 0.691367, 0.303900}};

    @Test
    void coloursAreFarApartForNormalVision() {
        assertMinimumDistance(null, MIN_DELTA_E);
    }

    @Test
    void coloursStayApartForTheThreeDichromacies() {
        assertMinimumDistance(PROTAN, MIN_DELTA_E_DICHROMAT);
        assertMinimumDistance(DEUTAN, MIN_DELTA_E_DICHROMAT);
        assertMinimumDistance(TRITAN, MIN_DELTA_E_DICHROMAT);
    }

    @Test
    void everyColourStandsOutOnWhite() {
        for (Color c : colours()) {
            assertThat(deltaE(lab(c, null), lab(Color.WHITE, null))).as("%s against white", c).isGreaterThan(40);
        }
    }

    @Test
    void pastThePaletteSeriesDifferByTheirDashes() {
        Set<String> styles = new HashSet<>();
        for (int k = 0; k < 4 * Palette.ION_COLOURS.size(); k++) {
            Style s = Palette.ion(k);
            assertThat(styles.add(s.color().getRGB() + Arrays.toString(s.dash()))).as("style of ion %d", k).isTrue();
            assertThat(Arrays.equals(Palette.nernst(k).dash(), s.dash())).as("E_X of ion %d is dashed apart", k)
                    .isFalse();
        }
        List<Style> neutral = List.of(Palette.potential(), Palette.leak(), Palette.pump(), Palette.stimulus());
        Set<String> dashes = new HashSet<>();
        neutral.forEach(s -> dashes.add(Arrays.toString(s.dash())));
        assertThat(dashes).as("V, leak, pump and stimulus lines have distinct dashes").hasSize(4);
    }

    private static List<Color> colours() {
        List<Color> all = new ArrayList<>(Palette.ION_COLOURS);
        all.add(Palette.NEUTRAL);
        return all;
    }

    private static void assertMinimumDistance(double[][] simulation, double min) {
        List<Color> all = colours();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double d = deltaE(lab(all.get(i), simulation), lab(all.get(j), simulation));
                assertThat(d).as("%s vs %s", all.get(i), all.get(j)).isGreaterThanOrEqualTo(min);
            }
        }
    }

    private static double deltaE(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    /** sRGB (D65) to CIE L*a*b*, after an optional dichromacy matrix applied in linear RGB. */
    private static double[] lab(Color c, double[][] simulation) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        if (simulation != null) {
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                s[i] = Math.min(1, Math.max(0, simulation[i][0] * rgb[0] + simulation[i][1] * rgb[1]
                        + simulation[i][2] * rgb[2]));
            }
            rgb = s;
        }
        double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
        double fx = f(x / 0.95047);
        double fy = f(y);
        double fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
