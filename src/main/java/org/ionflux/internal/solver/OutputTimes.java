package org.ionflux.internal.solver;

/**
 * The output times of a run: {@code k * interval} for every k with {@code k * interval < duration}, then
 * {@code duration} (docs/commands.md). Each time is computed as a product, never by adding the interval up, so that
 * {@code t_k} is the double nearest to {@code k * interval}'s exact product. A multiple within
 * {@link #SNAP} intervals of the duration is taken to be the duration itself.
 */
public final class OutputTimes {

    /** Relative closeness (in intervals) below which a multiple counts as equal to the duration. */
    static final double SNAP = 1e-9;

    private final double intervalS;
    private final double durationS;
    private final long count;

    /**
     * @param durationS end of the run, s (> 0)
     * @param intervalS output interval, s (> 0)
     */
    public OutputTimes(double durationS, double intervalS) {
        this.intervalS = intervalS;
        this.durationS = durationS;
        long multiples = (long) Math.floor(durationS / intervalS);
        while (multiples > 0 && multiples * intervalS >= durationS - SNAP * intervalS) {
            multiples--;
        }
        while ((multiples + 1) * intervalS < durationS - SNAP * intervalS) {
            multiples++;
        }
        // rows k = 0..multiples are multiples of the interval, then one row at the duration
        this.count = multiples + 2;
    }

    /** @return the number of output rows */
    public long count() {
        return count;
    }

    /** @return the time of row k, s */
    public double time(long k) {
        return k == count - 1 ? durationS : k * intervalS;
    }

    /** @return the output interval, s */
    public double intervalS() {
        return intervalS;
    }

    /**
     * @return the first row whose time belongs at or after {@code timeS}: a row within {@link #SNAP}
     *     intervals before it counts as at it (the value after a jump at that time is reported)
     */
    public long firstAtOrAfter(double timeS) {
        long k = Math.max(0, (long) Math.floor(timeS / intervalS) - 1);
        while (k < count && time(k) < timeS - SNAP * intervalS) {
            k++;
        }
        return k;
    }
}
