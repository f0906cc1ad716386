package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tick function: steps of 1, 2 or 5 x 10^k, labels that are round numbers with the decimals of the step, and
 * label boxes that keep their gap (measured with the font the plots use), over many random ranges.
 */
class TicksTest {

    private static final Ticks.Extent WIDTH = TextRole.TICK::width;
    private static final Ticks.Extent HEIGHT = label -> TextRole.TICK.height();

    @Test
    void labelsAreFixedPointWithTheDecimalsOfTheStep() {
        assertThat(Ticks.label(15, -1)).isEqualTo("1.5");
        assertThat(Ticks.label(-4, -2)).isEqualTo("-0.04");
        assertThat(Ticks.label(0, -2)).isEqualTo("0.00");
        assertThat(Ticks.label(0, 3)).isEqualTo("0");
        assertThat(Ticks.label(12, 2)).isEqualTo("1200");
        assertThat(Ticks.label(1072, 0)).isEqualTo("1072");
        assertThat(Ticks.label(2, -3)).isEqualTo("0.002");
        assertThat(Ticks.label(25, -8)).isEqualTo("2.5e-7");
        assertThat(Ticks.label(20, -9)).isEqualTo("2e-8");
        assertThat(Ticks.label(5, 7)).isEqualTo("5e7");
        assertThat(Ticks.decadeLabel(-4)).isEqualTo("0.0001");
        assertThat(Ticks.decadeLabel(3)).isEqualTo("1000");
        assertThat(Ticks.decadeLabel(-5)).isEqualTo("1e-5");
    }

    @Test
    void aFortyMillisecondAxisTicksEveryFiveMillisecondsWithoutLeadingPoints() {
        Ticks.Axis axis = Ticks.linear(0, 40, 800, 55, WIDTH, 12, false);
        assertThat(axis.labels()).containsExactly("0", "5", "10", "15", "20", "25", "30", "35", "40");
    }

    @Test
    void theTopTickIsPresentWhenTheAxisEndsOnATick() {
        // 3600 s in minutes, 0.2 s in ms, 2400 s in min: the end is a tick even after rounding
        for (double hi : new double[] {3600 / 60.0, 0.2 / 1e-3, 2400 / 60.0, 0.3 / 1e-3, 0.7 * 3, 1e-7 * 3}) {
            Ticks.Axis axis = Ticks.linear(0, hi, 700, 55, WIDTH, 12, false);
            double step = axis.step().value();
            double k = Math.rint(hi / step);
            if (Math.abs(hi / step - k) < 1e-9) {
                assertThat(axis.values()[axis.values().length - 1]).as("last tick of [0, %s]", hi).isEqualTo(hi);
            }
        }
        assertThat(Ticks.linear(0, 3600 / 60.0, 700, 55, WIDTH, 12, false).labels()).endsWith("60");
    }

    @Test
    void randomRangesGetRoundStepsAndLabelsThatDoNotOverlap() {
        Random random = new Random(20261129);
        for (int trial = 0; trial < 3000; trial++) {
            double magnitude = Math.pow(10, -9 + 18 * random.nextDouble());
            double span = magnitude * Math.pow(10, -5 + 6 * random.nextDouble());
            double lo = (random.nextDouble() * 2 - 1) * magnitude;
            if (random.nextInt(4) == 0) {
                lo = 0;
            }
            double hi = lo + span;
            boolean horizontal = random.nextBoolean();
            boolean extend = random.nextBoolean();
            double length = 120 + 800 * random.nextDouble();
            Ticks.Extent extent = horizontal ? WIDTH : HEIGHT;
            double gap = horizontal ? 12 : 6;
            double minSpacing = horizontal ? 55 : 26;
            Ticks.Axis axis = Ticks.linear(lo, hi, length, minSpacing, extent, gap, extend);
            String what = String.format("[%s, %s] over %.0f px, %s, extend %s", lo, hi, length,
                    horizontal ? "x" : "y", extend);
            assertThat(axis.step().mantissa()).as(what).isIn(1, 2, 5);
            assertThat(axis.values().length).as(what).isGreaterThanOrEqualTo(extend ? 2 : 1);
            if (extend) {
                assertThat(axis.lo()).as(what).isLessThanOrEqualTo(lo);
                assertThat(axis.hi()).as(what).isGreaterThanOrEqualTo(hi);
            }
            assertRoundLabels(axis, what);
            assertNoOverlap(axis, length, extent, gap, what);
        }
    }

    @Test
    void logAxesTickDecadesAndWidenToWholeOnes() {
        Ticks.Axis axis = Ticks.log(1e-4, 140, 300, HEIGHT, 6);
        assertThat(axis.log()).isTrue();
        assertThat(axis.lo()).isEqualTo(1e-4);
        assertThat(axis.hi()).isEqualTo(1000);
        assertThat(axis.labels()).containsExactly("0.0001", "0.001", "0.01", "0.1", "1", "10", "100", "1000");
        assertNoOverlap(axis, 300, HEIGHT, 6, "log");
        // twenty decades on 200 px: every n-th decade labelled, still apart
        Ticks.Axis wide = Ticks.log(1e-15, 1e5, 200, HEIGHT, 6);
        assertThat(wide.values().length).isLessThan(21);
        assertNoOverlap(wide, 200, HEIGHT, 6, "wide log");
    }

    /** Every label reads back as k x step, with the decimals of the step, and no grouping or lone point. */
    static void assertRoundLabels(Ticks.Axis axis, String what) {
        Ticks.Step step = axis.step();
        BigDecimal stepValue = BigDecimal.valueOf(step.mantissa()).scaleByPowerOfTen(step.exponent());
        for (int i = 0; i < axis.labels().length; i++) {
            String label = axis.labels()[i];
            assertThat(label).as(what).doesNotContain(",").doesNotStartWith(".").doesNotStartWith("-.")
                    .doesNotContain(" ");
            BigDecimal value = new BigDecimal(label);
            assertThat(value.remainder(stepValue).signum()).as("%s: %s is a multiple of %s", what, label, stepValue)
                    .isZero();
            assertThat(value.doubleValue()).as(what).isCloseTo(axis.values()[i],
                    org.assertj.core.api.Assertions.within(1e-9 * Math.max(Math.abs(axis.values()[i]),
                            stepValue.doubleValue())));
            if (!label.contains("e") && step.exponent() >= Ticks.PLAIN_MIN_EXPONENT) {
                int decimals = label.contains(".") ? label.length() - label.indexOf('.') - 1 : 0;
                assertThat(decimals).as("%s: decimals of %s", what, label).isEqualTo(step.decimals());
            }
        }
    }

    /** Consecutive label boxes, centred on their ticks, are at least {@code gap} apart. */
    static void assertNoOverlap(Ticks.Axis axis, double length, Ticks.Extent extent, double gap, String what) {
        for (int i = 1; i < axis.values().length; i++) {
            double a = axis.fraction(axis.values()[i - 1]) * length;
            double b = axis.fraction(axis.values()[i]) * length;
            double free = (b - a) - extent.of(axis.labels()[i - 1]) / 2 - extent.of(axis.labels()[i]) / 2;
            assertThat(free).as("%s: space between %s and %s", what, axis.labels()[i - 1], axis.labels()[i])
                    .isGreaterThanOrEqualTo(gap - 1e-9);
        }
    }

    @Test
    void spansNearTheDoublesLimitGetTicksOfTheirOwnMagnitude() {
        // (hi - lo) * spacing overflowed to infinity here once, and the step search counted to 10^(2^31)
        double m = Double.MAX_VALUE / 4;
        Ticks.Axis axis = Ticks.linear(-m, m, 220, 26, HEIGHT, 6, true);
        assertThat(axis.step().exponent()).isBetween(306, 308);
        assertThat(java.util.Arrays.stream(axis.values()).allMatch(Double::isFinite)).isTrue();
        assertThat(axis.values().length).isBetween(2, 9);
        assertThat(Ticks.pow10(400)).isInfinite();
    }
}
