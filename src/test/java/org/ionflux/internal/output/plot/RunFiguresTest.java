package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes in which panel: compartments, membranes, log scales, the units, the columns chosen to plot. */
class RunFiguresTest {

    /** A cell whose Ca falls from 1 uM to 100 nM beside 140 mM K, in a clamped bath; currents of every kind. */
    private static final List<String> NAMES = List.of("t_s", "plasma.V_mV", "cell.K_mM", "cell.Ca_mM", "bath.K_mM",
            "bath.Ca_mM", "plasma.E_K_mV", "plasma.I_K_uA_cm2", "plasma.E_Ca_mV", "plasma.I_Ca_uA_cm2",
            "plasma.I_leak_uA_cm2", "plasma.I_pump_uA_cm2", "plasma.I_stim_uA_cm2", "plasma.J_K_fmol_s",
            "cell.volume_pL");

    private static List<double[]> rows(int n) {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            double t = 0.01 * r;
            double ca = 1e-4 + 9e-4 * Math.exp(-t);
            rows.add(new double[] {t, -70 + r * 0.01, 140 - 0.001 * r, ca, 5, 2, -90, 0.1, 120, -0.01, 0.02, 0.5,
                r % 10 == 0 ? 20 : 0, 1e-3, 1.0});
        }
        return rows;
    }

    private static List<RunFigures.Column> columns() {
        return NAMES.stream().map(RunFigures.Column::named).toList();
    }

    @Test
    void aHundredNanomolarSpeciesBesideMillimolarOnesGetsALogAxisOnWhichItsChangeIsReadable() {
        RunFigures.Figures figures = RunFigures.of("ca", columns(), rows(1001), null);
        Figure f = figures.concentrations();
        assertThat(f.panels()).hasSize(1);
        Panel cell = f.panels().get(0);
        assertThat(cell.title()).isEqualTo("compartment cell");
        assertThat(cell.log()).isTrue();
        assertThat(cell.yTitle()).isEqualTo("c (mM, log scale)");
        FigureRenderer.Layout layout = FigureRenderer.layout(f);
        FigureRenderer.PanelLayout p = layout.panels().get(0);
        Ticks.Axis y = p.yAxis();
        double caStart = y.fraction(1e-3) * p.plotHeight();
        double caEnd = y.fraction(1e-4 + 9e-4 * Math.exp(-10)) * p.plotHeight();
        double k = y.fraction(140) * p.plotHeight();
        assertThat(y.lo()).isLessThanOrEqualTo(1e-4);
        assertThat(caStart - caEnd).as("px covered by Ca's fall from 1 uM to 100 nM").isGreaterThan(30);
        assertThat(k - caStart).as("px between K and Ca").isGreaterThan(60);
        assertThat(y.labels()).contains("0.0001", "0.001", "100");
    }

    @Test
    void onePanelPerCompartmentAndAStillOneOnlyWhenAskedFor() {
        RunFigures.Figures all = RunFigures.of("ca", columns(), rows(11), null);
        // the bath never changes: left out
        assertThat(all.concentrations().panels()).extracting(Panel::title).containsExactly("compartment cell");
        RunFigures.Figures asked = RunFigures.of("ca", columns(), rows(11), name -> name.endsWith("_mM"));
        assertThat(asked.concentrations().panels()).extracting(Panel::title)
                .containsExactly("compartment cell", "compartment bath");
        // each panel with its own scale: the bath's is linear (5 and 2 mM)
        assertThat(asked.concentrations().panels().get(1).log()).isFalse();
    }

    @Test
    void currentsShowEveryIonTheLeakThePumpAndTheStimulusWithTheirOwnStyles() {
        Panel plasma = RunFigures.of("ca", columns(), rows(11), null).currents().panels().get(0);
        assertThat(plasma.series()).extracting(Series::label)
                .containsExactly("I_K", "I_Ca", "I_leak", "I_pump", "I_stim");
        assertThat(plasma.series().get(2).style()).isEqualTo(Palette.leak());
        assertThat(plasma.series().get(3).style()).isEqualTo(Palette.pump());
        assertThat(plasma.series().get(4).style()).isEqualTo(Palette.stimulus());
        assertThat(plasma.zeroLine()).isTrue();
        assertThat(plasma.yTitle()).isEqualTo("I (\u00b5A/cm\u00b2)");
    }

    @Test
    void anIonHasTheSameColourInEveryFigure() {
        RunFigures.Figures f = RunFigures.of("ca", columns(), rows(11), null);
        Series kConcentration = f.concentrations().panels().get(0).series().get(0);
        Series kNernst = f.potential().panels().get(0).series().get(1);
        Series kCurrent = f.currents().panels().get(0).series().get(0);
        assertThat(kNernst.label()).isEqualTo("E_K");
        assertThat(kConcentration.style().color()).isEqualTo(kNernst.style().color())
                .isEqualTo(kCurrent.style().color());
    }

    @Test
    void smallValuesMoveToASmallerUnit() {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 11; r++) {
            rows.add(new double[] {r, 2e-5 * r, 0.003 + 1e-4 * r});
        }
        List<RunFigures.Column> columns = List.of("t_s", "cell.Ca_mM", "plasma.I_Ca_uA_cm2").stream()
                .map(RunFigures.Column::named).toList();
        RunFigures.Figures f = RunFigures.of("small", columns, rows, null);
        Panel c = f.concentrations().panels().get(0);
        assertThat(c.log()).as("0 and positive values: linear").isFalse();
        assertThat(c.yTitle()).isEqualTo("c (\u00b5M)");
        assertThat(c.series().get(0).y()[10]).isEqualTo(2e-4 * 1e3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(f.currents().panels().get(0).yTitle()).isEqualTo("I (nA/cm\u00b2)");
    }

    @Test
    void infiniteEquilibriumPotentialsAreLeftOutAndSaidSo() {
        List<double[]> rows = List.of(new double[] {0, -70, Double.POSITIVE_INFINITY},
                new double[] {1, -70, Double.POSITIVE_INFINITY});
        List<RunFigures.Column> columns = List.of("t_s", "m.V_mV", "m.E_Ca_mV").stream()
                .map(RunFigures.Column::named).toList();
        Panel p = RunFigures.of("x", columns, rows, null).potential().panels().get(0);
        assertThat(p.series()).extracting(Series::label).containsExactly("V");
        assertThat(p.note()).isEqualTo("not drawn: E_Ca (infinite)");
    }

    @Test
    void plotPatternsChooseTheColumnsAndAnEmptyFigureSaysWhy() {
        RunFigures.Figures f = RunFigures.of("ca", columns(), rows(11), name -> name.equals("cell.Ca_mM"));
        assertThat(f.concentrations().panels().get(0).series()).extracting(Series::label).containsExactly("Ca");
        assertThat(f.currents().panels()).isEmpty();
        assertThat(f.currents().empty()).contains("simulation.plot");
        assertThat(f.potential().panels()).isEmpty();
    }

    @Test
    void timeIsShownInAUnitChosenFromTheSpan() {
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r <= 40; r++) {
            rows.add(new double[] {r * 1e-3, -70});
        }
        List<RunFigures.Column> columns = List.of("t_s", "m.V_mV").stream().map(RunFigures.Column::named).toList();
        Figure f = RunFigures.of("fast", columns, rows, null).potential();
        assertThat(f.xTitle()).isEqualTo("t (ms)");
        assertThat(f.xHi()).isEqualTo(40.0);
        Ticks.Axis x = FigureRenderer.layout(f).xAxis();
        assertThat(x.labels()).startsWith("0").endsWith("40");
        assertThat(x.labels()).noneMatch(l -> l.startsWith("."));
    }

    @Test
    void aFigureKeepsAtMostTwelvePanels() {
        List<String> names = new ArrayList<>(List.of("t_s"));
        for (int c = 0; c < 20; c++) {
            names.add("c" + c + ".K_mM");
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            double[] row = new double[names.size()];
            row[0] = r;
            for (int c = 1; c < row.length; c++) {
                row[c] = c + r;
            }
            rows.add(row);
        }
        Figure f = RunFigures.of("many", names.stream().map(RunFigures.Column::named).toList(), rows, null)
                .concentrations();
        assertThat(f.panels()).hasSize(RunFigures.MAX_PANELS);
        assertThat(f.title()).contains("first 12 of 20 compartments");
    }

    @Test
    void aTraceWithoutRowsSaysSo() {
        RunFigures.Figures f = RunFigures.of("none", columns(), List.of(), null);
        assertThat(f.concentrations().panels()).isEmpty();
        assertThat(f.concentrations().empty()).isEqualTo("nothing to plot: the trace has no row");
        assertThat(FigureRenderer.svg(f.currents(), "x")).contains("the trace has no row");
    }
}
