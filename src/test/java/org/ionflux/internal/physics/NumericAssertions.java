package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.LongStream;

/** Shared helpers for the physics tests: tolerant comparison, central differences, seeded inputs. */
final class NumericAssertions {

    private NumericAssertions() {
    }

    /**
     * Passes if {@code |actual - expected| <= relTol * |expected|} or {@code |actual - expected| <= absTol}.
     * The absolute floor is how a test says which entries count as "tiny".
     */
    static void assertClose(double actual, double expected, double relTol, double absTol, String what) {
        double err = Math.abs(actual - expected);
        if (!(err <= relTol * Math.abs(expected) || err <= absTol)) {
            fail("%s: actual %s, expected %s, |diff| %s, relative %s (relTol %s, absTol %s)",
                    what, actual, expected, err, err / Math.abs(expected), relTol, absTol);
        }
    }

    /** Central difference {@code (f(x+h) - f(x-h)) / ((x+h) - (x-h))}, dividing by the step actually taken. */
    static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        double xp = x + h;
        double xm = x - h;
        return (f.applyAsDouble(xp) - f.applyAsDouble(xm)) / (xp - xm);
    }

    /** Uniform in [lo, hi). */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /** Log-uniform in [lo, hi), lo &gt; 0. */
    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));
    }

    /** Fixed seeds for property-style parameterized tests: reproducible, and each failure names its seed. */
    static LongStream seeds(int count) {
        return LongStream.range(0, count).map(i -> 0x5DEECE66DL * (i + 1) + 11L);
    }
}
