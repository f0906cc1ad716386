package org.ionflux.internal.output.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The time unit of a plot, from the span it shows. */
class TimeAxisUnitTest {

    @Test
    void theUnitKeepsTheNumbersBetweenOneAndAFewHundred() {
        assertThat(TimeAxisUnit.forSpan(0.04)).isEqualTo(TimeAxisUnit.MS);
        assertThat(TimeAxisUnit.forSpan(0.2)).isEqualTo(TimeAxisUnit.MS);
        assertThat(TimeAxisUnit.forSpan(0.999)).isEqualTo(TimeAxisUnit.MS);
        assertThat(TimeAxisUnit.forSpan(1)).isEqualTo(TimeAxisUnit.S);
        assertThat(TimeAxisUnit.forSpan(300)).isEqualTo(TimeAxisUnit.S);
        assertThat(TimeAxisUnit.forSpan(600)).isEqualTo(TimeAxisUnit.MIN);
        assertThat(TimeAxisUnit.forSpan(2 * 3600)).isEqualTo(TimeAxisUnit.MIN);
        assertThat(TimeAxisUnit.forSpan(5 * 3600)).isEqualTo(TimeAxisUnit.H);
        assertThat(TimeAxisUnit.forSpan(1e6)).isEqualTo(TimeAxisUnit.H);
        assertThat(TimeAxisUnit.forSpan(0)).isEqualTo(TimeAxisUnit.MS);
    }

    @Test
    void conversionsAreExactForRoundTimes() {
        assertThat(TimeAxisUnit.MIN.fromSeconds(3600)).isEqualTo(60.0);
        assertThat(TimeAxisUnit.H.fromSeconds(7200)).isEqualTo(2.0);
        assertThat(TimeAxisUnit.MS.fromSeconds(0.2)).isEqualTo(200.0);
        assertThat(TimeAxisUnit.S.fromSeconds(12.5)).isEqualTo(12.5);
    }
}
