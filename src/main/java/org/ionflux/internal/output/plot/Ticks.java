package org.ionflux.internal.output.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks and their labels, computed here so that no chart library formats numbers: linear axes step by
 * 1, 2 or 5 x 10^k, chosen as the smallest such step whose labels keep a gap between them; every label of an
 * axis has the same number of decimals, fixed by the step ({@code 0.0 0.5 1.0}, never {@code .002} nor
 * {@code 1,072}). Logarithmic axes tick every decade (or every n-th when decades are too close for a label each),
 * with unlabelled minor ticks at 2..9 when there is room.
 */
public final class Ticks {

    /** Tolerance, in steps, under which a value counts as lying on a tick (the axis end 60.000000000001 ends on 60). */
    static final double ON_TICK = 1e-6;
    /** Mantissas of the steps, in increasing order. */
    private static final int[] MANTISSAS = {1, 2, 5};
    /** Powers of ten beyond which labels switch to {@code 2e-9} notation. */
    static final int PLAIN_MIN_EXPONENT = -6;
    static final int PLAIN_MAX_DIGITS = 7;

    private Ticks() {
    }

    /** How much room a label takes along its axis, px: its width on a horizontal axis, its height on a vertical. */
    @FunctionalInterface
    public interface Extent {
        /** @return the label's extent along the axis, px */
        double of(String label);
    }

    /**
     * The ticks of an axis.
     *
     * @param lo     lower end of the axis, in the axis' unit
     * @param hi     upper end
     * @param log    true for a logarithmic axis ({@code lo > 0})
     * @param values tick positions, increasing, within [lo, hi]
     * @param labels their labels (same length)
     * @param minor  unlabelled minor tick positions (log axes), possibly empty
     * @param step   the step as mantissa x 10^exponent (linear axes); on a log axis, the decades between labels
     */
    public record Axis(double lo, double hi, boolean log, double[] values, String[] labels, double[] minor,
                       Step step) {

        /** @return the fraction of the axis length at which {@code v} lies, 0 at lo and 1 at hi */
        public double fraction(double v) {
            if (log) {
                return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            }
            return (v - lo) / (hi - lo);
        }
    }

    /**
     * A step of {@code mantissa x 10^exponent}.
     *
     * @param mantissa 1, 2 or 5
     * @param exponent the power of ten
     */
    public record Step(int mantissa, int exponent) {

        /** @return the step's value */
        public double value() {
            return mantissa * pow10(exponent);
        }

        /** @return the next larger step of the 1-2-5 sequence */
        Step next() {
            return mantissa == 1 ? new Step(2, exponent) : mantissa == 2 ? new Step(5, exponent)
                    : new Step(1, exponent + 1);
        }

        /** @return the decimals every label of this step needs */
        public int decimals() {
            return Math.max(0, -exponent);
        }

        /** @return the smallest step of the 1-2-5 sequence that is at least {@code raw} (> 0) */
        static Step atLeast(double raw) {
            int e = (int) Math.floor(Math.log10(raw));
            Step s = new Step(1, e - 1);
            while (s.value() < raw * (1 - 1e-12)) {
                s = s.next();
            }
            return s;
        }
    }

    /**
     * Ticks of a linear axis over [lo, hi].
     *
     * @param lo           smallest value to show
     * @param hi           largest value to show ({@code > lo})
     * @param lengthPx     length of the axis, px
     * @param minSpacingPx least distance between two ticks, px
     * @param extent       room a label takes along the axis, px
     * @param gapPx        least empty space between two labels, px
     * @param extend       true to widen the axis to the ticks around [lo, hi] (a y axis); false to keep [lo, hi]
     *                     exactly and tick inside it (a time axis)
     * @return the ticks; the top tick is present whenever the axis ends on a tick
     */
    public static Axis linear(double lo, double hi, double lengthPx, double minSpacingPx, Extent extent, double gapPx,
                              boolean extend) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (!Double.isFinite(hi - lo)) {
            // values near the double's limit (a run away to 1e308): keep the span finite
            lo = Math.max(lo, -Double.MAX_VALUE / 4);
            hi = Math.min(hi, Double.MAX_VALUE / 4);
        }
        // divide first: (hi - lo) * spacing overflows for spans near the double's limit
        Step step = Step.atLeast((hi - lo) / Math.max(1, lengthPx) * Math.max(1, minSpacingPx));
        Axis axis = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            axis = linearWithStep(lo, hi, step, extend);
            if (fits(axis, lengthPx, minSpacingPx, extent, gapPx)) {
                return axis;
            }
            step = step.next();
        }
        return axis;
    }

    /** The ticks of a linear axis with a given step. */
    static Axis linearWithStep(double lo, double hi, Step step, boolean extend) {
        double s = step.value();
        long first = (long) Math.ceil(lo / s - ON_TICK);
        long last = (long) Math.floor(hi / s + ON_TICK);
        double a = lo;
        double b = hi;
        if (extend) {
            first = (long) Math.floor(lo / s + ON_TICK);
            last = (long) Math.ceil(hi / s - ON_TICK);
            a = value(first, step);
            b = value(last, step);
        }
        int n = (int) Math.max(0, last - first + 1);
        double[] values = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            long k = first + i;
            values[i] = Math.min(b, Math.max(a, value(k, step)));
            labels[i] = label(k * step.mantissa(), step.exponent());
        }
        return new Axis(a, b, false, values, labels, new double[0], step);
    }

    /** @return true if consecutive ticks are at least minSpacing apart and their labels keep the gap */
    static boolean fits(Axis axis, double lengthPx, double minSpacingPx, Extent extent, double gapPx) {
        double[] v = axis.values();
        if (v.length < 2) {
            return true;
        }
        double previousPx = axis.fraction(v[0]) * lengthPx;
        double previousHalf = extent.of(axis.labels()[0]) / 2;
        for (int i = 1; i < v.length; i++) {
            double px = axis.fraction(v[i]) * lengthPx;
            double half = extent.of(axis.labels()[i]) / 2;
            double distance = px - previousPx;
            if (distance < minSpacingPx - 1e-9 || distance < previousHalf + half + gapPx) {
                return false;
            }
            previousPx = px;
            previousHalf = half;
        }
        return true;
    }

    /**
     * Ticks of a logarithmic axis covering [lo, hi] (both {@code > 0}), widened to whole decades.
     *
     * @param extent room a label takes along the axis, px
     */
    public static Axis log(double lo, double hi, double lengthPx, Extent extent, double gapPx) {
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("need 0 < lo <= hi, got [" + lo + ", " + hi + "]");
        }
        int e0 = (int) Math.floor(Math.log10(lo) + 1e-9);
        int e1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (e1 <= e0) {
            e1 = e0 + 1;
        }
        double a = pow10(e0);
        double b = pow10(e1);
        double perDecade = lengthPx / (e1 - e0);
        int[] everies = {1, 2, 3, 5, 10, 20, 50, 100};
        Axis axis = null;
        for (int every : everies) {
            List<Double> values = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int e = e0; e <= e1; e++) {
                if (Math.floorMod(e, every) == 0) {
                    values.add(pow10(e));
                    labels.add(decadeLabel(e));
                }
            }
            List<Double> minor = new ArrayList<>();
            if (perDecade >= 40 || every > 1) {
                for (int e = e0; e < e1; e++) {
                    if (every == 1) {
                        for (int m = 2; m <= 9; m++) {
                            minor.add(m * pow10(e));
                        }
                    } else if (Math.floorMod(e, every) != 0) {
                        minor.add(pow10(e));
                    }
                }
            }
            axis = new Axis(a, b, true, values.stream().mapToDouble(Double::doubleValue).toArray(),
                    labels.toArray(new String[0]), minor.stream().mapToDouble(Double::doubleValue).toArray(),
                    new Step(1, every));
            if (fits(axis, lengthPx, 0, extent, gapPx)) {
                return axis;
            }
        }
        return axis;
    }

    /** @return the label of 10^e on a log axis: {@code 0.001} ... {@code 100000}, else {@code 1e-6}, {@code 1e6} */
    public static String decadeLabel(int e) {
        return e < -4 || e > 5 ? "1e" + e : label(1, e);
    }

    /** @return {@code k x 10^exponent} as a double, computed with one rounding */
    static double value(long k, Step step) {
        long n = k * step.mantissa();
        return step.exponent() >= 0 ? n * pow10(step.exponent()) : n / pow10(-step.exponent());
    }

    /**
     * The label of {@code n x 10^exponent}: fixed-point with {@code max(0, -exponent)} decimals, e.g. (15, -1) ->
     * {@code 1.5}, (-4, -2) -> {@code -0.04}, (12, 2) -> {@code 1200}; no grouping separators; very small or large
     * values in {@code 2e-9} notation.
     */
    public static String label(long n, int exponent) {
        if (n == 0) {
            if (exponent < PLAIN_MIN_EXPONENT) {
                return "0";
            }
            return exponent >= 0 ? "0" : "0." + "0".repeat(-exponent);
        }
        String digits = Long.toString(Math.abs(n));
        String sign = n < 0 ? "-" : "";
        if (exponent < PLAIN_MIN_EXPONENT || exponent + digits.length() > PLAIN_MAX_DIGITS) {
            // n x 10^e with n's trailing zeros folded into the exponent: 2e-9, 15e-9 -> 1.5e-8
            int e = exponent;
            String d = digits;
            while (d.length() > 1 && d.endsWith("0")) {
                d = d.substring(0, d.length() - 1);
                e++;
            }
            e += d.length() - 1;
            String mantissa = d.length() == 1 ? d : d.charAt(0) + "." + d.substring(1);
            return sign + mantissa + "e" + e;
        }
        if (exponent >= 0) {
            return sign + digits + "0".repeat(exponent);
        }
        int decimals = -exponent;
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** @return 10^e, exact for |e| <= 22; infinite above the double's range */
    static double pow10(int e) {
        if (e > 309) {
            return Double.POSITIVE_INFINITY;
        }
        if (e < 0) {
            return 1 / pow10(-e);
        }
        double r = 1;
        for (int i = 0; i < e; i++) {
            r *= 10;
        }
        return r;
    }
}
