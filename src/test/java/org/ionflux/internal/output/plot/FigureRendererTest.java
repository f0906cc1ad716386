package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layout and drawing: legends that fit, thinned lines that keep their spikes, odd data that still draws. */
class FigureRendererTest {

    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void aLegendOfFortyEntriesFitsBesideItsPanel() {
        double[] x = ramp(10);
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            double[] y = new double[10];
            java.util.Arrays.fill(y, k);
            series.add(new Series("I_ion" + k, x, y, Palette.ion(k)));
        }
        Figure f = new Figure("many", "t (s)", 0, 9, List.of(new Panel("membrane m", "I (1)", false, series, "",
                true)), "");
        FigureRenderer.Layout layout = FigureRenderer.layout(f);
        FigureRenderer.PanelLayout p = layout.panels().get(0);
        int rows = (40 + p.legendColumns() - 1) / p.legendColumns();
        assertThat(rows * FigureRenderer.LEGEND_ROW + 4).isLessThanOrEqualTo(p.plotHeight());
        assertThat(layout.plotWidth()).isGreaterThan(500);
        assertThat(FigureRenderer.png(f).getHeight()).isEqualTo((int) layout.height());
    }

    @Test
    void aSpikeBetweenManyPointsSurvivesThinning() {
        int n = 40_000;
        double[] x = ramp(n);
        double[] y = new double[n];
        y[12_345] = 100;
        Figure f = new Figure("spike", "t (s)", 0, n - 1, List.of(new Panel("p", "y (1)", false,
                List.of(new Series("y", x, y, Palette.ion(0))), "", false)), "");
        String svg = FigureRenderer.svg(f, "s");
        String points = svg.substring(svg.indexOf("points=\"") + 8);
        points = points.substring(0, points.indexOf('"'));
        String[] pairs = points.split(" ");
        assertThat(pairs.length).as("points after thinning").isLessThan(4 * 1000);
        FigureRenderer.Layout layout = FigureRenderer.layout(f);
        FigureRenderer.PanelLayout p = layout.panels().get(0);
        double spikeY = p.top() + p.plotHeight() - p.yAxis().fraction(100) * p.plotHeight();
        boolean found = false;
        for (String pair : pairs) {
            double py = Double.parseDouble(pair.substring(pair.indexOf(',') + 1));
            found |= Math.abs(py - spikeY) < 0.11;
        }
        assertThat(found).as("the spike's top is drawn").isTrue();
    }

    @Test
    void extremeFlatOrMissingValuesStillDraw() {
        double[] x = ramp(3);
        List<Panel> panels = List.of(
                new Panel("huge", "y", false, List.of(new Series("a", x, new double[] {-1e308, 0, 1e308},
                        Palette.ion(0))), "", false),
                new Panel("flat", "y", false, List.of(new Series("a", x, new double[] {140, 140, 140},
                        Palette.ion(0))), "", false),
                new Panel("zero", "y", false, List.of(new Series("a", x, new double[] {0, 0, 0}, Palette.ion(0))),
                        "", false),
                new Panel("nan", "y", false, List.of(new Series("a", x, new double[] {Double.NaN, Double.NaN,
                    Double.NaN}, Palette.ion(0))), "", false),
                new Panel("empty", "y", false, List.of(), "", false));
        Figure f = new Figure("odd", "t (s)", 0, 2, panels, "");
        FigureRenderer.Layout layout = FigureRenderer.layout(f);
        assertThat(layout.panels().get(1).yAxis().labels()).contains("140");
        assertThat(layout.panels().get(2).yAxis().lo()).isLessThan(0);
        assertThat(layout.panels().get(3).yAxis()).isNull();
        BufferedImage image = FigureRenderer.png(f);
        assertThat(image.getHeight()).isGreaterThan(5 * FigureRenderer.PLOT_HEIGHT_STACKED);
        assertThat(FigureRenderer.svg(new Figure("none", "t (s)", 0, 1, List.of(), "nothing to plot"), "n"))
                .contains("nothing to plot");
    }
}
