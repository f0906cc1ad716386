package org.ionflux.internal.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Nernst potential and driving force against the reference values of the core issue. */
class NernstTest {

    /** 0.001 mV: the reference values are given to 0.001 mV. */
    private static final double REFERENCE_MV = 0.001;

    private static double celsius(double c) {
        return Constants.ZERO_CELSIUS_K + c;
    }

    @Test
    void potassiumAtBodyTemperature() {
        double e = Nernst.nernstPotentialVolts(1, 140, 5, celsius(37)) * 1e3;
        assertThat(e).isCloseTo(-89.059, within(REFERENCE_MV));
    }

    @Test
    void seedChlorideExample() {
        double e = Nernst.nernstPotentialVolts(-1, 13, 130, celsius(20));
        assertThat(e * 1e3).isCloseTo(-58.167, within(REFERENCE_MV));
        assertThat(Nernst.drivingForceVolts(-0.070, e) * 1e3).isCloseTo(-11.833, within(REFERENCE_MV));
    }

    @Test
    void electrochemicalDifferenceIsZFTimesDrivingForce() {
        double t = celsius(25);
        for (double z : new double[] {1, -1, 2}) {
            double e = Nernst.nernstPotentialVolts(z, 12, 145, t);
            double dmu = Nernst.electrochemicalDifferenceJPerMol(z, 12, 145, -0.060, t);
            // dmu = z F (V - E_X), docs/physics.md section 4; both sides are ~1e3 J/mol, roundoff ~1e-12 of that
            assertThat(dmu).isCloseTo(z * Constants.FARADAY_C_PER_MOL * (-0.060 - e), within(1e-9));
        }
    }

    @Test
    void oneSideEmptyGivesInfinitePotential() {
        assertThat(Nernst.nernstPotentialVolts(1, 0, 5, 300)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Nernst.nernstPotentialVolts(1, 5, 0, 300)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Nernst.nernstPotentialVolts(-1, 5, 0, 300)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
