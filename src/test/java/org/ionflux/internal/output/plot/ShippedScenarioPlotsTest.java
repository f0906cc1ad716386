package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ionflux.internal.model.Model;
import org.ionflux.internal.output.Plots;
import org.ionflux.internal.output.ThinnedTrace;
import org.ionflux.internal.output.TraceCsvReader;
import org.ionflux.internal.testing.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The plots of every shipped scenario, from its reference trace: the time unit fits the duration, every axis'
 * labels are round numbers in its unit and their boxes keep their gap (measured with the plots' font), nothing
 * runs into the axis title or the legend, a panel spanning more than two decades is logarithmic, and the figures
 * draw to a PNG that is not blank and to SVG that parses.
 */
class ShippedScenarioPlotsTest {

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Scenarios.SHIPPED)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .filter(n -> Files.exists(Path.of("results/reference", n, "trace.csv"))).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void axesAreReadable(String name) throws Exception {
        Model model = Scenarios.shipped(name);
        ThinnedTrace trace = TraceCsvReader.read(Path.of("results/reference", name, "trace.csv"), 4000);
        RunFigures.Figures figures = Plots.figures(name, trace.columns(), trace.rows(), model.settings().plot());
        List<double[]> rows = trace.rows();
        double span = rows.get(rows.size() - 1)[0] - rows.get(0)[0];
        TimeAxisUnit unit = TimeAxisUnit.forSpan(span);
        for (Figure figure : List.of(figures.potential(), figures.concentrations(), figures.currents())) {
            String what = name + ": " + figure.title();
            assertThat(figure.xTitle()).as(what).isEqualTo("t (" + unit.symbol() + ")");
            FigureRenderer.Layout layout = FigureRenderer.layout(figure);
            Ticks.Axis x = layout.xAxis();
            TicksTest.assertRoundLabels(x, what + " x");
            TicksTest.assertNoOverlap(x, layout.plotWidth(), TextRole.TICK::width, FigureRenderer.X_LABEL_GAP,
                    what + " x");
            assertThat(x.values().length).as(what + ": x ticks").isGreaterThanOrEqualTo(4);
            String lastX = x.labels()[x.labels().length - 1];
            double lastRight = x.fraction(x.values()[x.values().length - 1]) * layout.plotWidth()
                    + TextRole.TICK.width(lastX) / 2;
            assertThat(lastRight).as(what + ": last x label stays clear of the legend")
                    .isLessThan(layout.plotWidth() + FigureRenderer.LEGEND_GAP - 4);
            for (FigureRenderer.PanelLayout p : layout.panels()) {
                Ticks.Axis y = p.yAxis();
                assertThat(y).as(what + " " + p.panel().title()).isNotNull();
                String panel = what + " / " + p.panel().title() + " y";
                if (!y.log()) {
                    TicksTest.assertRoundLabels(y, panel);
                }
                TicksTest.assertNoOverlap(y, p.plotHeight(), label -> TextRole.TICK.height(),
                        FigureRenderer.Y_LABEL_GAP, panel);
                assertThat(y.values().length).as(panel + " ticks").isGreaterThanOrEqualTo(2);
                for (String label : y.labels()) {
                    double labelLeft = layout.left() - FigureRenderer.TICK_LENGTH - 4 - TextRole.TICK.width(label);
                    assertThat(labelLeft).as(panel + ": " + label + " clear of the axis title")
                            .isGreaterThan(FigureRenderer.PAD + TextRole.AXIS_TITLE.height());
                }
            }
            BufferedImage image = FigureRenderer.png(figure);
            assertThat(distinctColours(image)).as(what + " is not blank").isGreaterThan(10);
            String svg = FigureRenderer.svg(figure, "t");
            assertThat(svg).doesNotContain("http:").doesNotContain("https:");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void aCompartmentSpanningMoreThanTwoDecadesIsLogarithmic(String name) throws Exception {
        ThinnedTrace trace = TraceCsvReader.read(Path.of("results/reference", name, "trace.csv"), 4000);
        RunFigures.Figures figures = Plots.figures(name, trace.columns(), trace.rows(), List.of());
        for (Panel p : figures.concentrations().panels()) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (Series s : p.series()) {
                for (double v : s.y()) {
                    if (v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            assertThat(p.log()).as("%s %s: %s..%s", name, p.title(), min, max).isEqualTo(max > 100 * min);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
