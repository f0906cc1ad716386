package org.ionflux.internal.output;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trace's number format on millions of random doubles: each reads back exactly and is shortest. */
class NumberFormatIT {

    @Test
    void fourMillionRandomDoublesAreShortestAndReadBack() {
        SplittableRandom random = new SplittableRandom(77);
        for (int i = 0; i < 2_000_000; i++) {
            double bits = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(bits) && !Double.isInfinite(bits)) {
                NumberFormatTest.assertShortestRoundTrip(bits);
            }
            NumberFormatTest.assertShortestRoundTrip((random.nextDouble() - 0.3)
                    * Math.pow(10, random.nextInt(-12, 8)));
        }
    }
}
