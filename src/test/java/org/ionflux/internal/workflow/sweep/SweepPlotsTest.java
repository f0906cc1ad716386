package org.ionflux.internal.workflow.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.Panel;
import org.ionflux.internal.output.plot.Series;
import org.ionflux.internal.scenario.SweepDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep plots as figures: the axis kinds (log where the range is logarithmic), one line per combination of the
 * other parameters in a small grid, dots for a Latin hypercube, notes for failed and thinned variants; and the PNG
 * files a sweep writes.
 */
class SweepPlotsTest {

    @TempDir
    Path tmp;

    private SweepDefinition definition(String... lines) throws Exception {
        Path file = SweepFiles.write(tmp, "plots", SweepFiles.SEED, lines);
        return SweepPlan.load(file, 1).definition();
    }

    /** @return a completed row: parameter values, then metric values */
    private static double[] row(double... values) {
        return values;
    }

    @Test
    void aGridOfTwoParametersHasOneLinePerValueOfTheOtherOnALogAxisForALogRange() throws Exception {
        SweepDefinition sweep = definition(
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", values: [0.05, 0.5, 5]}",
                "  - {path: compartments.bath.concentrations.Cl, range: {from: 1, to: 4, steps: 3, scale: log}}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}");
        List<double[]> rows = new ArrayList<>();
        for (double g : new double[] {0.05, 0.5, 5}) {
            for (double c : new double[] {1, 2, 4}) {
                rows.add(row(g, c, g * c));
            }
        }
        // against the log-range parameter: three lines (one per conductance), a log x axis over 1..4
        Figure byCl = SweepPlots.figure(sweep, rows, 0, 0, 1, 1, 9);
        assertThat(byCl.xLog()).isTrue();
        assertThat(byCl.xLo()).isLessThan(1).isGreaterThan(0.9);
        assertThat(byCl.xHi()).isGreaterThan(4).isLessThan(4.4);
        assertThat(byCl.xTitle()).isEqualTo("compartments.bath.concentrations.Cl [mM]");
        Panel panel = byCl.panels().get(0);
        assertThat(panel.title()).isEqualTo("one line per value of membranes.plasma.channels[0].conductance"
                + " [mS/cm^2]");
        assertThat(panel.series()).extracting(Series::label).containsExactly("0.05", "0.5", "5");
        assertThat(panel.series()).allMatch(s -> s.line() && s.points());
        assertThat(panel.series().get(2).y()).containsExactly(5, 10, 20);
        assertThat(FigureRenderer.layout(byCl).xAxis().labels()).containsExactly("1", "2", "3", "4");
        // final Cl spans 0.05..20, more than two decades of positive values: a log y axis
        assertThat(panel.log()).isTrue();
        // against the list of values: a linear axis, three lines (one per Cl)
        Figure byG = SweepPlots.figure(sweep, rows, 0, 0, 0, 1, 9);
        assertThat(byG.xLog()).isFalse();
        assertThat(byG.panels().get(0).series()).extracting(Series::label).containsExactly("1", "2", "4");
    }

    @Test
    void aLatinHypercubeIsDrawnAsDotsAndNotesTellWhatIsNotDrawn() throws Exception {
        SweepDefinition sweep = definition(
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.01, to: 1, scale: log}}",
                "  - {path: compartments.cell.volume, range: {from: 1, to: 3}}",
                "combine: {latin_hypercube: {samples: 40, seed: 3}}",
                "metrics:",
                "  - {column: plasma.V_mV, stat: final}");
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row(0.01 * Math.pow(100, i / 39.0), 1 + 2 * i / 39.0, i == 7 ? Double.NaN : -70 + i));
        }
        Figure f = SweepPlots.figure(sweep, rows, 3, 0, 0, 5, 215);
        Panel panel = f.panels().get(0);
        assertThat(panel.series()).hasSize(1);
        Series dots = panel.series().get(0);
        assertThat(dots.line()).isFalse();
        assertThat(dots.points()).isTrue();
        assertThat(dots.label()).isEmpty();
        assertThat(dots.x()).hasSize(39);
        assertThat(panel.log()).as("negative values: linear y").isFalse();
        assertThat(f.xLog()).isTrue();
        assertThat(panel.note()).isEqualTo("every 5th of 215 variants drawn; 3 failed among them, not drawn; "
                + "1 completed without a value");
        // the linear parameter: a linear axis
        assertThat(SweepPlots.figure(sweep, rows, 0, 0, 1, 1, 40).xLog()).isFalse();
    }

    @Test
    void aLogRangeOfNegativeValuesIsDrawnOnALinearAxisAndNothingToDrawStillDraws() throws Exception {
        SweepDefinition sweep = definition(
                "parameters:",
                "  - {path: membranes.plasma.potential.value, range: {from: -90 mV, to: -10 mV, steps: 3,"
                        + " scale: log}}",
                "metrics:",
                "  - {column: plasma.V_mV, stat: final}");
        List<double[]> rows = List.of(row(-90, -80), row(-30, -40), row(-10, -20));
        Figure f = SweepPlots.figure(sweep, rows, 0, 0, 0, 1, 3);
        assertThat(f.xLog()).isFalse();
        assertThat(f.panels().get(0).series().get(0).x()).containsExactly(-90, -30, -10);
        // every variant failed: an empty panel saying so, over the parameter's range
        Figure none = SweepPlots.figure(sweep, List.of(), 3, 0, 0, 1, 3);
        assertThat(none.panels().get(0).series()).isEmpty();
        assertThat(none.panels().get(0).note()).isEqualTo("3 failed, not drawn");
        assertThat(none.xLo()).isEqualTo(-90);
        assertThat(none.xHi()).isEqualTo(-10);
        assertThat(FigureRenderer.png(none).getWidth()).isEqualTo(FigureRenderer.WIDTH);
    }

    @Test
    void legendNumbersAreShort() {
        assertThat(SweepPlots.number(1.0)).isEqualTo("1");
        assertThat(SweepPlots.number(2.6)).isEqualTo("2.6");
        assertThat(SweepPlots.number(1.414213562373095)).isEqualTo("1.414");
        assertThat(SweepPlots.number(1e-7)).isEqualTo("1e-07");
        assertThat(SweepPlots.number(123456.0)).isEqualTo("1.235e+05");
        assertThat(SweepPlots.number(-0.05)).isEqualTo("-0.05");
    }

    @Test
    void aSweepWritesOnePngPerMetricAndParameterThatImageIoReads() throws Exception {
        Path file = SweepFiles.write(tmp, "pngs", SweepFiles.shortSeed(tmp, "20 s"),
                "parameters:",
                "  - {path: \"membranes.plasma.channels[0].conductance\", range: {from: 0.05, to: 5, steps: 4,"
                        + " scale: log}}",
                "  - {path: compartments.cell.volume, values: [-1, 2]}",
                "metrics:",
                "  - {column: cell.Cl_mM, stat: final}",
                "  - {column: plasma.I_Cl_uA_cm2, stat: max}");
        Path out = tmp.resolve("out");
        org.ionflux.Sweep.load(file).run(out, 2);
        List<Path> pngs = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(out, "*.png")) {
            stream.forEach(pngs::add);
        }
        assertThat(pngs).hasSize(4);
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(FigureRenderer.WIDTH);
            assertThat(image.getHeight()).isGreaterThan(300);
        }
    }
}
