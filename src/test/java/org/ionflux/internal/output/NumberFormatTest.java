package org.ionflux.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trace's number format ({@link CsvTraceWriter#format}): every double reads back exactly, in no more digits than
 * needed, in the layout of {@code Double.toString}. The slow sweep over millions of doubles is
 * {@link NumberFormatIT}.
 */
class NumberFormatTest {

    /**
     * Asserts that the text reads back to the value and that one digit fewer never does, beyond two digits (the
     * layout {@code d.d} has two, and where one would do Schubfach writes the two-digit decimal nearest the value,
     * as Java 19's Double.toString: 4.9E-324, not 5.0E-324).
     */
    static void assertShortestRoundTrip(double value) {
        String text = CsvTraceWriter.format(value);
        assertThat(CsvTraceWriter.parse(text)).as("%s read back", text).isEqualTo(value);
        if (value == 0.0) {
            assertThat(text).isEqualTo(1 / value > 0 ? "0.0" : "-0.0");
            return;
        }
        BigDecimal decimal = new BigDecimal(text);
        int digits = decimal.stripTrailingZeros().precision();
        assertThat(digits).as("%s digits", text).isLessThanOrEqualTo(17);
        if (digits > 2) {
            // the two candidates with one digit fewer: rounded down and up
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                double shorter = decimal.round(new MathContext(digits - 1, mode)).doubleValue();
                assertThat(shorter).as("%s has a shorter form", text).isNotEqualTo(value);
            }
        }
    }

    /** Same layout as Double.toString: a point always, E notation below 1e-3 and from 1e7 on. */
    static void assertJavaLayout(double value) {
        String ours = CsvTraceWriter.format(value);
        String java = Double.toString(value);
        assertThat(ours.contains("E")).as(ours + " vs " + java).isEqualTo(java.contains("E"));
        assertThat(ours.contains(".")).isTrue();
    }

    static List<Double> specialValues() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL), Double.MAX_VALUE,
                -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), 1.0, -1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1e-3,
                Math.nextDown(1e-3), 1e7, Math.nextDown(1e7), 9999999.999999998, 2e23, 1.9999999999999998E23,
                5e-324, 1e-323, 4.35, 2.0E-3, 120.00000000000001, 1.0E22, 1.0E23, 8.41E21, 5.0E-310));
        for (int e = -325; e <= 308; e++) {
            values.add(Double.parseDouble("1e" + e));
            values.add(Math.nextUp(Double.parseDouble("1e" + e)));
            values.add(Math.nextDown(Double.parseDouble("1e" + e)));
        }
        for (int e = -1074; e <= 1023; e++) {
            values.add(Math.scalb(1.0, e));
        }
        return values;
    }

    @Test
    void infinitiesAndNanAreWords() {
        assertThat(CsvTraceWriter.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(CsvTraceWriter.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(CsvTraceWriter.format(Double.NaN)).isEqualTo("nan");
        assertThat(CsvTraceWriter.parse("inf")).isInfinite();
        assertThat(CsvTraceWriter.parse("nan")).isNaN();
    }

    @Test
    void specialValuesAreShortestAndReadBack() {
        for (double v : specialValues()) {
            assertShortestRoundTrip(v);
            assertJavaLayout(v);
        }
    }

    @Test
    void twoHundredThousandRandomDoublesAreShortestAndReadBack() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 100_000; i++) {
            double bits = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(bits) && !Double.isInfinite(bits)) {
                assertShortestRoundTrip(bits);
            }
            // values as a trace holds them: a few digits of magnitude around 1
            assertShortestRoundTrip((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-12, 8)));
        }
    }

    @Test
    void whereJava17WritesADigitTooManyTheValueIsTheSame() {
        // 2e23: Java 17 writes 1.9999999999999998E23 for the double nearest 2e23 (JDK-4511638)
        double v = 2e23;
        assertThat(CsvTraceWriter.format(v)).isEqualTo("2.0E23");
        assertThat(Double.parseDouble(Double.toString(v))).isEqualTo(Double.parseDouble(CsvTraceWriter.format(v)));
    }
}
