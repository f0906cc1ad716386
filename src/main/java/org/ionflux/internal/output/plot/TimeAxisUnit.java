package org.ionflux.internal.output.plot;

/**
 * The unit of a plot's time axis, chosen from the time span shown so that its numbers stay between about 1 and
 * 1000: ms below 1 s, s below 10 min, min below 5 h, h above (a 40 ms run in ms, a 2 h run in min).
 */
public enum TimeAxisUnit {
    /** Milliseconds. */
    MS("ms", 1e-3),
    /** Seconds. */
    S("s", 1),
    /** Minutes. */
    MIN("min", 60),
    /** Hours. */
    H("h", 3600);

    /** Longest span shown in seconds, s. */
    static final double SECONDS_BELOW_S = 600;
    /** Longest span shown in minutes, s. */
    static final double MINUTES_BELOW_S = 5 * 3600;

    private final String symbol;
    private final double seconds;

    TimeAxisUnit(String symbol, double seconds) {
        this.symbol = symbol;
        this.seconds = seconds;
    }

    /** @return the unit's symbol, for the axis title */
    public String symbol() {
        return symbol;
    }

    /** @return the length of one unit, s */
    public double seconds() {
        return seconds;
    }

    /** @return {@code timeS} in this unit */
    public double fromSeconds(double timeS) {
        return this == S ? timeS : timeS / seconds;
    }

    /**
     * @param spanS the time span the axis shows, s
     * @return the unit for it
     */
    public static TimeAxisUnit forSpan(double spanS) {
        if (!(spanS >= 1)) {
            return MS;
        }
        if (spanS < SECONDS_BELOW_S) {
            return S;
        }
        return spanS < MINUTES_BELOW_S ? MIN : H;
    }
}
