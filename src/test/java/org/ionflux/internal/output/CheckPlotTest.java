package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ionflux.internal.output.plot.Figure;
import org.ionflux.internal.output.plot.FigureRenderer;
import org.ionflux.internal.output.plot.Panel;
import org.ionflux.internal.output.plot.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPlotTest {

    private static final double[] TIME_S = {0, 900, 1800, 2700, 3600};
    private static final double[] RUN = {-70, -69.5, -60, -69.4, -69.3};
    private static final double[] REFERENCE = {-70, -69.5, -69.45, -69.4, -69.3};
    private static final double[] ALLOWED = {0.01, 0.01, 0.01, 0.01, 0.01};

    @Test
    void theDifferencePanelHoldsRunMinusReferenceBetweenTheBand() {
        Figure figure = CheckPlot.figure("seed", "cell.V_mV", TIME_S, RUN, REFERENCE, ALLOWED, 2);
        assertThat(figure.panels()).hasSize(2);
        Panel difference = figure.panels().get(1);
        Series diff = difference.series().get(0);
        for (int i = 0; i < TIME_S.length; i++) {
            assertThat(diff.y()[i]).isEqualTo(RUN[i] - REFERENCE[i]);
        }
        assertThat(difference.series().get(1).y()).containsExactly(ALLOWED);
        assertThat(difference.series().get(2).y()).containsExactly(-0.01, -0.01, -0.01, -0.01, -0.01);
    }

    @Test
    void timeIsShownInTheUnitOfTheSpanAndTheWorstTimeIsMarked() {
        Figure figure = CheckPlot.figure("seed", "cell.V_mV", TIME_S, RUN, REFERENCE, ALLOWED, 2);
        // an hour is shown in minutes: the worst value at 1800 s is at x = 30 min
        assertThat(figure.xTitle()).isEqualTo("t (min)");
        assertThat(figure.xHi()).isEqualTo(60.0);
        Series worst = figure.panels().get(0).series().get(2);
        assertThat(worst.x()).containsExactly(30.0, 30.0);
        // the line spans the finite values of the panel: run and reference from -70 to -60
        assertThat(worst.y()).containsExactly(-70.0, -60.0);
        assertThat(figure.panels().get(0).title()).contains("worst at t = 1800.0 s");
    }

    @Test
    void noWorstNoLineAndInfiniteValuesAreLeftToBreakTheLine() {
        double[] run = {-70, Double.NaN, Double.POSITIVE_INFINITY, -69.4, -69.3};
        Figure figure = CheckPlot.figure("seed", "cell.V_mV", TIME_S, run, REFERENCE, ALLOWED, -1);
        assertThat(figure.panels().get(0).series()).extracting(Series::label).containsExactly("run", "reference");
        assertThat(FigureRenderer.png(figure).getWidth()).isEqualTo(FigureRenderer.WIDTH);
    }

    @Test
    void writesAPngThatDecodes(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("check.png");
        CheckPlot.write(file, "seed", "cell.V_mV", TIME_S, RUN, REFERENCE, ALLOWED, 2);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(FigureRenderer.WIDTH);
        assertThat(image.getHeight()).isGreaterThan(300);
    }
}
