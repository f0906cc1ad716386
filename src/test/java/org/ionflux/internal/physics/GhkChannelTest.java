package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GHK flux: the textbook form, its V -> 0 limit, continuity through 0, and the Nernst zero. */
class GhkChannelTest {

    private static final double T = 310.15;

    /** The docs/physics.md section 5 form, evaluated directly (valid away from V = 0). */
    private static double textbook(double p, double a, double z, double v, double cin, double cout) {
        double u = z * v / Constants.thermalVoltageVolts(T);
        return p * a * u * (cin - cout * Math.exp(-u)) / (1 - Math.exp(-u));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesTextbookFormAwayFromZero(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 200; i++) {
            double z = new double[] {1, -1, 2, -2}[rnd.nextInt(4)];
            double v = (rnd.nextBoolean() ? 1 : -1) * (0.005 + 0.1 * rnd.nextDouble());
            double cin = 200 * rnd.nextDouble();
            double cout = 200 * rnd.nextDouble();
            double expected = textbook(1e-8, 1e-9, z, v, cin, cout);
            double actual = GhkChannel.fluxMolPerS(1e-8, 1e-9, z, v, cin, cout, T);
            // |u| >= 0.19 here: the textbook form loses at most ~1e-14 relative; 1e-12 of the larger term
            double scale = 1e-17 * (cin + cout) * (1 + Math.abs(z * v / Constants.thermalVoltageVolts(T)));
            assertThat(actual).isCloseTo(expected, within(1e-12 * scale));
        }
    }

    @Test
    void limitAtZeroVoltageIsFickDiffusion() {
        double j = GhkChannel.fluxMolPerS(1e-8, 1e-9, 1, 0.0, 140, 5, T);
        assertThat(j).isEqualTo(1e-8 * 1e-9 * (140 - 5));
    }

    @Test
    void continuousThroughZeroVoltage() {
        double pa = 1e-8 * 1e-9;
        double j0 = GhkChannel.fluxMolPerS(1e-8, 1e-9, 1, 0.0, 140, 5, T);
        // dJ/du at u = 0 is P A (c_in + c_out) / 2, since f'(0) = 1/2
        double slopePerVolt = pa * (140 + 5) / 2 / Constants.thermalVoltageVolts(T);
        for (double v : new double[] {1e-12, -1e-12, 1e-9, -1e-9, 1e-6, -1e-6}) {
            double j = GhkChannel.fluxMolPerS(1e-8, 1e-9, 1, v, 140, 5, T);
            double u = v / Constants.thermalVoltageVolts(T);
            // the next term is O(u^2) (c_in - c_out) / 12; roundoff ~1e-16 of P A (c_in + c_out)
            assertThat(j).isCloseTo(j0 + slopePerVolt * v, within((1e-14 + u * u) * pa * (140 + 5)));
        }
    }

    @Test
    void fluxVanishesAtTheNernstPotential() {
        for (double z : new double[] {1, -1, 2}) {
            double e = Nernst.nernstPotentialVolts(z, 12, 145, T);
            double j = GhkChannel.fluxMolPerS(1e-8, 1e-9, z, e, 12, 145, T);
            // each term is ~1e-15 mol/s; roundoff leaves ~1e-30
            assertThat(Math.abs(j)).isLessThan(1e-28);
        }
    }

    @Test
    void derivativeOfVoltageFactorMatchesDifferences() {
        for (double u = -800; u <= 800; u += 13.7) {
            double h = 1e-6 * Math.max(1, Math.abs(u));
            double fd = (SpecialFunctions.uOverOneMinusExpMinusU(u + h)
                    - SpecialFunctions.uOverOneMinusExpMinusU(u - h)) / (2 * h);
            double d = SpecialFunctions.uOverOneMinusExpMinusUDerivative(u);
            assertThat(d).isFinite();
            // central difference error ~ h^2 f''' + eps f / h: 1e-6 relative to max(|f'|, 1e-12)
            assertThat(d).isCloseTo(fd, within(1e-6 * Math.max(Math.abs(fd), 1e-12)));
        }
    }
}
