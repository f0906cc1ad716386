package org.ionflux.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output times are products k * h, never sums, with a last row at the duration. */
class OutputTimesTest {

    @ParameterizedTest
    @CsvSource({"600, 0.1, 6001", "1, 0.3, 5", "10, 1, 11", "0.7, 0.1, 8", "2.5, 1, 4", "1e-3, 1e-4, 11"})
    void rowsAreMultiplesThenTheDuration(double duration, double interval, long rows) {
        OutputTimes times = new OutputTimes(duration, interval);
        assertThat(times.count()).isEqualTo(rows);
        for (long k = 0; k < rows - 1; k++) {
            assertThat(times.time(k)).isEqualTo(k * interval);
        }
        assertThat(times.time(rows - 1)).isEqualTo(duration);
        for (long k = 1; k < rows; k++) {
            assertThat(times.time(k)).isGreaterThan(times.time(k - 1));
        }
    }
}
